package co.plaza.coreapi.user;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/** Events of the User aggregate. Password hashes travel only here and never reach a queryable read model. */
public final class UserEvents {
    private UserEvents() {
    }

    @Revision("1")
    public record UserRegisteredEvent(UUID userId, Long legacyId, String username, String email,
                                      String phoneNumber, String passwordHash, String firstName, String lastName,
                                      Role role, boolean staff, boolean active, Instant dateJoined,
                                      boolean emailLogin) {
    }

    @Revision("1")
    public record UserDetailsUpdatedEvent(UUID userId, String username, String email, String phoneNumber,
                                          String firstName, String lastName) {
    }

    @Revision("1")
    public record UserRoleChangedEvent(UUID userId, Role previousRole, Role role) {
    }

    @Revision("1")
    public record UserDeactivatedEvent(UUID userId) {
    }

    @Revision("1")
    public record UserReactivatedEvent(UUID userId) {
    }

    @Revision("1")
    public record UserPasswordChangedEvent(UUID userId, String passwordHash,
                                           UserCommands.PasswordChangeReason reason) {
    }

    /** The account is anonymised: names, email, phone and picture are gone; the username stays reserved. */
    @Revision("1")
    public record UserDeletedEvent(UUID userId, Role role) {
    }
}
