package co.plaza.identity.command.credentials;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.ValidationResult;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Optional;

/** Turns what people type into E.164; numbers without a country code are read as {@link #DEFAULT_REGION}. */
public class PhoneNumbers {

    public static final String DEFAULT_REGION = "CO";

    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    private final String defaultRegion;

    public PhoneNumbers() {
        this(DEFAULT_REGION);
    }

    public PhoneNumbers(String defaultRegion) {
        if (!util.getSupportedRegions().contains(defaultRegion)) {
            throw new IllegalArgumentException("Unsupported region: " + defaultRegion);
        }
        this.defaultRegion = defaultRegion;
    }

    public NormalizedPhone parse(String raw) {
        if (isBlank(raw)) {
            return NormalizedPhone.blank();
        }
        try {
            PhoneNumber number = util.parse(raw, defaultRegion);
            // "Possible" (length fits the country) rather than "valid": metadata for new ranges lags behind.
            // Local-only lengths (dialable without area code) are refused: their E.164 form would be wrong.
            if (util.isPossibleNumberWithReason(number) != ValidationResult.IS_POSSIBLE) {
                return NormalizedPhone.invalid();
            }
            return NormalizedPhone.valid(util.format(number, PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            return NormalizedPhone.invalid();
        }
    }

    /** E.164, or empty when blank or unusable; use {@link #parse} to tell those two apart. */
    public Optional<String> normalize(String raw) {
        return parse(raw).toOptional();
    }

    public boolean isBlank(String raw) {
        return raw == null || raw.isBlank();
    }
}
