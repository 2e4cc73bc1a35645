package co.plaza.profile.command;

import co.plaza.profile.api.ProfileCommands.CreateProfileCommand;
import co.plaza.profile.api.ProfileCommands.DeleteProfileCommand;
import co.plaza.reservation.api.ReservationKind;
import co.plaza.reservation.command.Reservations;
import co.plaza.identity.command.UserDirectory;
import co.plaza.platform.errors.DomainException;
import co.plaza.platform.context.Caller;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.util.UUID;

/** Creation and deletion move the user's one-profile-per-kind reservation with the profile. */
@Component
public class ProfileCommandHandler {

    public static final String EXISTS = "error.profile_exists";

    private final Repository<Profile> profiles;
    private final Reservations reservations;
    private final UserDirectory users;

    public ProfileCommandHandler(Repository<Profile> profiles, Reservations reservations, UserDirectory users) {
        this.profiles = profiles;
        this.reservations = reservations;
        this.users = users;
    }

    @CommandHandler
    public UUID handle(CreateProfileCommand command, MetaData metaData) throws Exception {
        Caller.from(metaData).requireOwnerOrStaff(command.userId());
        if (!users.exists(command.userId())) {
            throw DomainException.field("user_id", "error.user_not_found");
        }
        // the reservation's owner is the profile, so the user's profile of a kind can be found from the user alone
        reservations.claim(ReservationKind.PROFILE, ProfileIds.slot(command.userId(), command.details().kind()),
                command.profileId(), "user_id", EXISTS);
        profiles.newInstance(() -> new Profile(command));
        return command.profileId();
    }

    @CommandHandler
    public void handle(DeleteProfileCommand command, MetaData metaData) {
        Aggregate<Profile> aggregate;
        try {
            aggregate = profiles.load(command.profileId().toString(), command.expectedVersion());
        } catch (AggregateNotFoundException e) {
            throw DomainException.notFound();
        }
        Profile profile = aggregate.invoke(p -> p);
        aggregate.execute(p -> p.delete(metaData));
        reservations.release(ReservationKind.PROFILE, ProfileIds.slot(profile.userId(), profile.kind()),
                command.profileId());
    }
}
