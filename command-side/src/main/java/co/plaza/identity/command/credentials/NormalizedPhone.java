package co.plaza.identity.command.credentials;

import java.util.Objects;
import java.util.Optional;

/** Outcome of {@link PhoneNumbers#parse}: lets callers tell "no phone given" from "phone given but unusable". */
public record NormalizedPhone(Status status, String e164) {

    public enum Status { BLANK, VALID, INVALID }

    private static final NormalizedPhone BLANK = new NormalizedPhone(Status.BLANK, null);
    private static final NormalizedPhone INVALID = new NormalizedPhone(Status.INVALID, null);

    public NormalizedPhone {
        Objects.requireNonNull(status, "status");
        if ((status == Status.VALID) != (e164 != null)) {
            throw new IllegalArgumentException("e164 must be set exactly when status is VALID");
        }
    }

    public static NormalizedPhone blank() {
        return BLANK;
    }

    public static NormalizedPhone invalid() {
        return INVALID;
    }

    public static NormalizedPhone valid(String e164) {
        return new NormalizedPhone(Status.VALID, Objects.requireNonNull(e164, "e164"));
    }

    public boolean isValid() {
        return status == Status.VALID;
    }

    public Optional<String> toOptional() {
        return Optional.ofNullable(e164);
    }
}
