package co.plaza.identity.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;
import java.util.UUID;

/** Commands of the identity domain. Values arrive validated and normalised (E.164 phones, NFC usernames). */
public final class UserCommands {
    private UserCommands() {
    }

    /**
     * Registers a user, or imports one from the monolith ({@code legacyId}, {@code dateJoined}, {@code active}
     * and {@code staff} as they were there). {@code emailLogin} is false for an imported duplicate email.
     */
    public record RegisterUserCommand(@TargetAggregateIdentifier UUID userId, Long legacyId, String username,
                                      String email, String phoneNumber, String passwordHash, String firstName,
                                      String lastName, Role role, boolean staff, boolean active,
                                      Instant dateJoined, boolean emailLogin) {
    }

    /**
     * PATCH semantics: a null field is left as it is; {@code clearPhone} removes the phone number. {@code role} and
     * {@code active} are what the caller sent for them (null: not sent): an admin changes them, anyone else may only
     * send them unchanged.
     */
    public record UpdateUserDetailsCommand(@TargetAggregateIdentifier UUID userId, @TargetAggregateVersion Long expectedVersion,
                                           String username, String email, String phoneNumber, boolean clearPhone,
                                           String firstName, String lastName, Role role, Boolean active) {
    }

    public record ChangeUserRoleCommand(@TargetAggregateIdentifier UUID userId, @TargetAggregateVersion Long expectedVersion, Role role) {
    }

    public record DeactivateUserCommand(@TargetAggregateIdentifier UUID userId, @TargetAggregateVersion Long expectedVersion) {
    }

    public record ReactivateUserCommand(@TargetAggregateIdentifier UUID userId, @TargetAggregateVersion Long expectedVersion) {
    }

    public record ChangePasswordCommand(@TargetAggregateIdentifier UUID userId, String passwordHash,
                                        PasswordChangeReason reason) {
    }

    /** Deletion as API.md says: deactivate and anonymise; the username stays reserved. */
    public record DeleteUserCommand(@TargetAggregateIdentifier UUID userId, @TargetAggregateVersion Long expectedVersion) {
    }

    public enum PasswordChangeReason { CHANGED, RESET, HASH_UPGRADED }
}
