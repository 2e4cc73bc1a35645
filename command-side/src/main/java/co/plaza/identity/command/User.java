package co.plaza.identity.command;

import co.plaza.common.api.Secret;
import co.plaza.common.api.StoredAs;
import co.plaza.identity.api.Role;
import co.plaza.identity.api.UserCommands.ChangePasswordCommand;
import co.plaza.identity.api.UserCommands.ChangeUserRoleCommand;
import co.plaza.identity.api.UserCommands.RegisterUserCommand;
import co.plaza.identity.api.UserEvents.UserDeactivatedEvent;
import co.plaza.identity.api.UserEvents.UserDeletedEvent;
import co.plaza.identity.api.UserEvents.UserDetailsUpdatedEvent;
import co.plaza.identity.api.UserEvents.UserPasswordChangedEvent;
import co.plaza.identity.api.UserEvents.UserReactivatedEvent;
import co.plaza.identity.api.UserEvents.UserRegisteredEvent;
import co.plaza.identity.api.UserEvents.UserRoleChangedEvent;
import co.plaza.platform.errors.DomainException;
import co.plaza.platform.axon.AggregateLoading;
import co.plaza.platform.context.Caller;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A Plaza account. Uniqueness of username, email and phone is not its business: {@link UserCommandHandler}
 * claims the {@link Reservation}s in the same unit of work. A deleted user stays, anonymised, for audit.
 */
// fields are the snapshot's content
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
@StoredAs(value = "identity.User", formerly = "co.plaza.identity.user.User")
@Aggregate(cache = AggregateLoading.CACHE, snapshotTriggerDefinition = AggregateLoading.SNAPSHOTS)
public class User {

    @AggregateIdentifier
    private UUID userId;
    private String username;
    private String email;
    private String phoneNumber;
    private String firstName;
    private String lastName;
    private Role role;
    private boolean active;
    private boolean deleted;
    @Secret
    private String passwordHash;
    private boolean emailLogin;
    /** Every username the user has had, folded: they stay reserved (see UserCommandHandler). */
    private Set<String> usernameKeys = new HashSet<>();

    protected User() {
    }

    User(RegisterUserCommand command) {
        apply(new UserRegisteredEvent(command.userId(), command.legacyId(), command.username(), command.email(),
                command.phoneNumber(), command.passwordHash(), command.firstName(), command.lastName(),
                command.role(), command.staff(), command.active(), command.dateJoined(), command.emailLogin()));
    }

    void updateDetails(String newUsername, String newEmail, String newPhone, String newFirstName, String newLastName) {
        requireNotDeleted();
        if (Objects.equals(username, newUsername) && Objects.equals(email, newEmail)
                && Objects.equals(phoneNumber, newPhone) && Objects.equals(firstName, newFirstName)
                && Objects.equals(lastName, newLastName)) {
            return;
        }
        apply(new UserDetailsUpdatedEvent(userId, newUsername, newEmail, newPhone, newFirstName, newLastName));
    }

    @CommandHandler
    void handle(ChangeUserRoleCommand command, MetaData metaData) {
        Caller.from(metaData).requireStaff();
        changeRole(command.role());
    }

    /** The caller's right to do it is checked by whoever calls (an admin's change). */
    void changeRole(Role newRole) {
        requireNotDeleted();
        if (newRole != role) {
            apply(new UserRoleChangedEvent(userId, role, newRole));
        }
    }

    @CommandHandler
    void handle(ChangePasswordCommand command, MetaData metaData) {
        Caller.from(metaData).requireOwnerOrStaff(userId);
        requireNotDeleted();
        apply(new UserPasswordChangedEvent(userId, command.passwordHash(), command.reason()));
    }

    void deactivate() {
        requireNotDeleted();
        if (active) {
            apply(new UserDeactivatedEvent(userId));
        }
    }

    void reactivate() {
        requireNotDeleted();
        if (!active) {
            apply(new UserReactivatedEvent(userId));
        }
    }

    void delete() {
        if (!deleted) {
            apply(new UserDeletedEvent(userId, role));
        }
    }

    private void requireNotDeleted() {
        if (deleted) {
            throw DomainException.notFound();
        }
    }

    UUID id() {
        return userId;
    }

    String username() {
        return username;
    }

    String email() {
        return email;
    }

    String phoneNumber() {
        return phoneNumber;
    }

    String firstName() {
        return firstName;
    }

    String lastName() {
        return lastName;
    }

    boolean isActive() {
        return active;
    }

    boolean isDeleted() {
        return deleted;
    }

    boolean emailLogin() {
        return emailLogin;
    }

    /** Whether this folded value is or was one of the user's usernames. */
    boolean hasHadUsername(String folded) {
        // a snapshot taken before usernameKeys existed lacks the older ones; the current one is always known
        return Objects.equals(Identifiers.fold(username), folded) || (usernameKeys != null && usernameKeys.contains(folded));
    }

    private void rememberUsername(String name) {
        if (usernameKeys == null) {
            usernameKeys = new HashSet<>();
        }
        usernameKeys.add(Identifiers.fold(name));
    }

    Role role() {
        return role;
    }

    @EventSourcingHandler
    void on(UserRegisteredEvent event) {
        userId = event.userId();
        username = event.username();
        rememberUsername(username);
        email = event.email();
        phoneNumber = event.phoneNumber();
        firstName = event.firstName();
        lastName = event.lastName();
        role = event.role();
        active = event.active();
        passwordHash = event.passwordHash();
        emailLogin = event.emailLogin();
    }

    @EventSourcingHandler
    void on(UserDetailsUpdatedEvent event) {
        if (!Objects.equals(email, event.email())) {
            emailLogin = event.email() != null && !event.email().isBlank();
        }
        username = event.username();
        rememberUsername(username);
        email = event.email();
        phoneNumber = event.phoneNumber();
        firstName = event.firstName();
        lastName = event.lastName();
    }

    @EventSourcingHandler
    void on(UserRoleChangedEvent event) {
        role = event.role();
    }

    @EventSourcingHandler
    void on(UserPasswordChangedEvent event) {
        passwordHash = event.passwordHash();
    }

    @EventSourcingHandler
    void on(UserDeactivatedEvent event) {
        active = false;
    }

    @EventSourcingHandler
    void on(UserReactivatedEvent event) {
        active = true;
    }

    @EventSourcingHandler
    void on(UserDeletedEvent event) {
        deleted = true;
        active = false;
        email = null;
        phoneNumber = null;
        firstName = "";
        lastName = "";
        emailLogin = false;
    }
}
