package co.plaza.identity.api;

import co.plaza.common.api.OwnerRemoved;
import co.plaza.common.api.Secret;
import co.plaza.common.api.StoredAs;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/** Events of the User aggregate. Password hashes travel only here and never reach a queryable read model. */
public final class UserEvents {
    private UserEvents() {
    }

    @StoredAs(value = "identity.UserRegistered", formerly = "co.plaza.coreapi.user.UserEvents$UserRegisteredEvent")
    @Revision("1")
    public record UserRegisteredEvent(UUID userId, Long legacyId, String username, String email,
                                      String phoneNumber, @Secret String passwordHash, String firstName, String lastName,
                                      Role role, boolean staff, boolean active, Instant dateJoined,
                                      boolean emailLogin) {
    }

    @StoredAs(value = "identity.UserDetailsUpdated", formerly = "co.plaza.coreapi.user.UserEvents$UserDetailsUpdatedEvent")
    @Revision("1")
    public record UserDetailsUpdatedEvent(UUID userId, String username, String email, String phoneNumber,
                                          String firstName, String lastName) {
    }

    @StoredAs(value = "identity.UserRoleChanged", formerly = "co.plaza.coreapi.user.UserEvents$UserRoleChangedEvent")
    @Revision("1")
    public record UserRoleChangedEvent(UUID userId, Role previousRole, Role role) {
    }

    @StoredAs(value = "identity.UserDeactivated", formerly = "co.plaza.coreapi.user.UserEvents$UserDeactivatedEvent")
    @Revision("1")
    public record UserDeactivatedEvent(UUID userId) {
    }

    @StoredAs(value = "identity.UserReactivated", formerly = "co.plaza.coreapi.user.UserEvents$UserReactivatedEvent")
    @Revision("1")
    public record UserReactivatedEvent(UUID userId) {
    }

    @StoredAs(value = "identity.UserPasswordChanged", formerly = "co.plaza.coreapi.user.UserEvents$UserPasswordChangedEvent")
    @Revision("1")
    public record UserPasswordChangedEvent(UUID userId, @Secret String passwordHash,
                                           UserCommands.PasswordChangeReason reason) {
    }

    /** The account is anonymised: names, email, phone and picture are gone; the username stays reserved. */
    @StoredAs(value = "identity.UserDeleted", formerly = "co.plaza.coreapi.user.UserEvents$UserDeletedEvent")
    @Revision("1")
    public record UserDeletedEvent(UUID userId, Role role) implements OwnerRemoved {
        /** What the user owned goes with them (ads, follows, profiles, picture: each domain's Ownership). */
        public UUID removedOwnerId() {
            return userId;
        }
    }
}
