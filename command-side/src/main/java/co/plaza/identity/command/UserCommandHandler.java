package co.plaza.identity.command;

import co.plaza.reservation.command.Reservations;

import co.plaza.reservation.api.ReservationKind;
import co.plaza.identity.api.UserCommands.DeactivateUserCommand;
import co.plaza.identity.api.UserCommands.DeleteUserCommand;
import co.plaza.identity.api.UserCommands.ReactivateUserCommand;
import co.plaza.identity.api.UserCommands.RegisterUserCommand;
import co.plaza.identity.api.UserCommands.UpdateUserDetailsCommand;
import co.plaza.platform.errors.DomainException;
import co.plaza.platform.context.Caller;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/**
 * User commands that move reservations: each runs in one unit of work, so the user's events and the
 * claims and releases of its unique values commit together or not at all.
 *
 * <p>Usernames and login emails are one identifier space, so that a login by a string finds at most one account
 * (registering someone's email as a username must not capture their email login): a value with an {@code @} is
 * claimed as both a username and an email, folded alike. Legacy usernames with an {@code @} keep working; they only
 * keep that string from being anyone else's email, as an email keeps it from being anyone else's username.
 *
 * <p>Email and phone are personal data: a refusal says the value cannot be used, never whether someone holds it
 * (the same message as a malformed value). Usernames are public and may say they are taken.
 */
@Component
public class UserCommandHandler {

    /** The refusal of an email or a phone number, whatever the reason (see the class comment). */
    public static final String EMAIL_REFUSED = "error.invalid_email";
    public static final String PHONE_REFUSED = "error.invalid_phone";
    private static final String USERNAME_TAKEN = "error.username_taken";

    private final Repository<User> users;
    private final Reservations reservations;

    public UserCommandHandler(Repository<User> users, Reservations reservations) {
        this.users = users;
        this.reservations = reservations;
    }

    @CommandHandler
    public UUID handle(RegisterUserCommand command) throws Exception {
        UUID id = command.userId();
        claimUsername(Identifiers.fold(command.username()), id);
        if (command.emailLogin() && notBlank(command.email())) {
            claimEmail(Identifiers.fold(command.email()), id);
        }
        if (command.active() && command.phoneNumber() != null) {
            reservations.claim(ReservationKind.PHONE, command.phoneNumber(), id, "phone_number", PHONE_REFUSED);
        }
        users.newInstance(() -> new User(command));
        return id;
    }

    /**
     * Details, and role and activity as the caller sent them: those two are an admin's to change, but anyone may send
     * them unchanged (a client PUTs back the user it read; API.md: read-only fields are ignored). Everything in one
     * unit of work, so a refused part changes nothing.
     */
    @CommandHandler
    public void handle(UpdateUserDetailsCommand command, MetaData metaData) {
        Caller caller = Caller.from(metaData);
        Aggregate<User> aggregate = loadToChange(command.userId(), command.expectedVersion(), caller);
        User user = current(aggregate);
        boolean roleChanges = command.role() != null && command.role() != user.role();
        boolean activityChanges = command.active() != null && command.active() != user.isActive();
        if (roleChanges || activityChanges) {
            caller.requireStaff();
        }
        UUID id = user.id();
        String username = command.username() != null ? command.username() : user.username();
        String email = command.email() != null ? command.email() : user.email();
        String phone = command.clearPhone() ? null : command.phoneNumber() != null ? command.phoneNumber() : user.phoneNumber();
        String firstName = command.firstName() != null ? command.firstName() : user.firstName();
        String lastName = command.lastName() != null ? command.lastName() : user.lastName();
        if (!Objects.equals(Identifiers.fold(user.username()), Identifiers.fold(username))) {
            // the old username stays reserved by its owner: a released username could be taken over by an impostor
            claimUsername(Identifiers.fold(username), id);
        }
        if (!Objects.equals(Identifiers.fold(user.email()), Identifiers.fold(email))) {
            if (user.emailLogin() && notBlank(user.email())) {
                releaseEmail(user);
            }
            if (notBlank(email)) {
                claimEmail(Identifiers.fold(email), id);
            }
        }
        if (!Objects.equals(user.phoneNumber(), phone)) {
            if (user.phoneNumber() != null && user.isActive()) {
                reservations.release(ReservationKind.PHONE, user.phoneNumber(), id);
            }
            if (phone != null && user.isActive()) {
                reservations.claim(ReservationKind.PHONE, phone, id, "phone_number", PHONE_REFUSED);
            }
        }
        aggregate.execute(u -> u.updateDetails(username, email, phone, firstName, lastName));
        if (roleChanges) {
            aggregate.execute(u -> u.changeRole(command.role()));
        }
        if (activityChanges && command.active()) {
            reactivate(aggregate);
        } else if (activityChanges) {
            deactivate(aggregate);
        }
    }

    @CommandHandler
    public void handle(DeactivateUserCommand command, MetaData metaData) {
        Caller.from(metaData).requireStaff();
        deactivate(load(command.userId(), command.expectedVersion()));
    }

    @CommandHandler
    public void handle(ReactivateUserCommand command, MetaData metaData) {
        Caller.from(metaData).requireStaff();
        reactivate(load(command.userId(), command.expectedVersion()));
    }

    /** A number may belong to one active user: deactivation frees it. */
    private void deactivate(Aggregate<User> aggregate) {
        User user = current(aggregate);
        if (user.isActive() && user.phoneNumber() != null) {
            reservations.release(ReservationKind.PHONE, user.phoneNumber(), user.id());
        }
        aggregate.execute(User::deactivate);
    }

    private void reactivate(Aggregate<User> aggregate) {
        User user = current(aggregate);
        if (!user.isActive() && user.phoneNumber() != null) {
            reservations.claim(ReservationKind.PHONE, user.phoneNumber(), user.id(), "phone_number", PHONE_REFUSED);
        }
        aggregate.execute(User::reactivate);
    }

    /** Anonymise: email and phone are freed for others; the username stays reserved. */
    @CommandHandler
    public void handle(DeleteUserCommand command, MetaData metaData) {
        Aggregate<User> aggregate = loadToChange(command.userId(), command.expectedVersion(), Caller.from(metaData));
        User user = current(aggregate);
        if (user.isDeleted()) {
            throw DomainException.notFound();
        }
        if (notBlank(user.email()) && user.emailLogin()) {
            releaseEmail(user);
        }
        if (user.phoneNumber() != null && user.isActive()) {
            reservations.release(ReservationKind.PHONE, user.phoneNumber(), user.id());
        }
        aggregate.execute(User::delete);
    }

    private void claimUsername(String folded, UUID owner) {
        reservations.claim(ReservationKind.USERNAME, folded, owner, "username", USERNAME_TAKEN);
        if (folded.contains("@")) {
            reservations.claim(ReservationKind.EMAIL, folded, owner, "username", USERNAME_TAKEN);
        }
    }

    private void claimEmail(String folded, UUID owner) {
        reservations.claim(ReservationKind.EMAIL, folded, owner, "email", EMAIL_REFUSED);
        reservations.claim(ReservationKind.USERNAME, folded, owner, "email", EMAIL_REFUSED);
    }

    /** Frees the user's login email in both spaces, unless it is also one of their usernames, which stay reserved. */
    private void releaseEmail(User user) {
        String folded = Identifiers.fold(user.email());
        if (user.hasHadUsername(folded)) {
            return;
        }
        reservations.release(ReservationKind.EMAIL, folded, user.id());
        reservations.release(ReservationKind.USERNAME, folded, user.id());
    }

    /**
     * The user to change, for this caller: a user that does not exist is a 404 whoever asks, one the caller may see
     * but not change a 403 (API.md, Conventions), and only then is a stale {@code If-Match} a 409.
     */
    private Aggregate<User> loadToChange(UUID id, Long expectedVersion, Caller caller) {
        Aggregate<User> aggregate = load(id, null);
        caller.requireOwnerOrStaff(id);
        // the unit of work holds the loaded aggregate: this load only checks the version
        return expectedVersion == null ? aggregate : load(id, expectedVersion);
    }

    private Aggregate<User> load(UUID id, Long expectedVersion) {
        try {
            return users.load(id.toString(), expectedVersion);
        } catch (AggregateNotFoundException e) {
            throw DomainException.notFound();
        }
    }

    private static User current(Aggregate<User> aggregate) {
        return aggregate.invoke(Function.identity());
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
