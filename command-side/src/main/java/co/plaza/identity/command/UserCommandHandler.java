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
 */
@Component
public class UserCommandHandler {

    private final Repository<User> users;
    private final Reservations reservations;

    public UserCommandHandler(Repository<User> users, Reservations reservations) {
        this.users = users;
        this.reservations = reservations;
    }

    @CommandHandler
    public UUID handle(RegisterUserCommand command) throws Exception {
        UUID id = command.userId();
        reservations.claim(ReservationKind.USERNAME, Identifiers.fold(command.username()), id, "username", "error.username_taken");
        if (command.emailLogin() && notBlank(command.email())) {
            reservations.claim(ReservationKind.EMAIL, Identifiers.fold(command.email()), id, "email", "error.email_taken");
        }
        if (command.active() && command.phoneNumber() != null) {
            reservations.claim(ReservationKind.PHONE, command.phoneNumber(), id, "phone_number", "error.phone_taken");
        }
        users.newInstance(() -> new User(command));
        return id;
    }

    @CommandHandler
    public void handle(UpdateUserDetailsCommand command, MetaData metaData) {
        Caller.from(metaData).requireOwnerOrStaff(command.userId());
        Aggregate<User> aggregate = load(command.userId(), command.expectedVersion());
        User user = current(aggregate);
        UUID id = user.id();
        String username = command.username() != null ? command.username() : user.username();
        String email = command.email() != null ? command.email() : user.email();
        String phone = command.clearPhone() ? null : command.phoneNumber() != null ? command.phoneNumber() : user.phoneNumber();
        String firstName = command.firstName() != null ? command.firstName() : user.firstName();
        String lastName = command.lastName() != null ? command.lastName() : user.lastName();
        if (!Objects.equals(Identifiers.fold(user.username()), Identifiers.fold(username))) {
            // the old username stays reserved by its owner: a released username could be taken over by an impostor
            reservations.claim(ReservationKind.USERNAME, Identifiers.fold(username), id, "username", "error.username_taken");
        }
        if (!Objects.equals(Identifiers.fold(user.email()), Identifiers.fold(email))) {
            if (user.emailLogin() && notBlank(user.email())) {
                reservations.release(ReservationKind.EMAIL, Identifiers.fold(user.email()), id);
            }
            if (notBlank(email)) {
                reservations.claim(ReservationKind.EMAIL, Identifiers.fold(email), id, "email", "error.email_taken");
            }
        }
        if (!Objects.equals(user.phoneNumber(), phone)) {
            if (user.phoneNumber() != null && user.isActive()) {
                reservations.release(ReservationKind.PHONE, user.phoneNumber(), id);
            }
            if (phone != null && user.isActive()) {
                reservations.claim(ReservationKind.PHONE, phone, id, "phone_number", "error.phone_taken");
            }
        }
        aggregate.execute(u -> u.updateDetails(username, email, phone, firstName, lastName));
    }

    /** A number may belong to one active user: deactivation frees it. */
    @CommandHandler
    public void handle(DeactivateUserCommand command, MetaData metaData) {
        Caller.from(metaData).requireStaff();
        Aggregate<User> aggregate = load(command.userId(), command.expectedVersion());
        User user = current(aggregate);
        if (user.isActive() && user.phoneNumber() != null) {
            reservations.release(ReservationKind.PHONE, user.phoneNumber(), user.id());
        }
        aggregate.execute(User::deactivate);
    }

    @CommandHandler
    public void handle(ReactivateUserCommand command, MetaData metaData) {
        Caller.from(metaData).requireStaff();
        Aggregate<User> aggregate = load(command.userId(), command.expectedVersion());
        User user = current(aggregate);
        if (!user.isActive() && user.phoneNumber() != null) {
            reservations.claim(ReservationKind.PHONE, user.phoneNumber(), user.id(), "phone_number", "error.phone_taken");
        }
        aggregate.execute(User::reactivate);
    }

    /** Anonymise: email and phone are freed for others; the username stays reserved. */
    @CommandHandler
    public void handle(DeleteUserCommand command, MetaData metaData) {
        Caller.from(metaData).requireOwnerOrStaff(command.userId());
        Aggregate<User> aggregate = load(command.userId(), command.expectedVersion());
        User user = current(aggregate);
        if (user.isDeleted()) {
            throw DomainException.notFound();
        }
        if (notBlank(user.email()) && user.emailLogin()) {
            reservations.release(ReservationKind.EMAIL, Identifiers.fold(user.email()), user.id());
        }
        if (user.phoneNumber() != null && user.isActive()) {
            reservations.release(ReservationKind.PHONE, user.phoneNumber(), user.id());
        }
        aggregate.execute(User::delete);
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
