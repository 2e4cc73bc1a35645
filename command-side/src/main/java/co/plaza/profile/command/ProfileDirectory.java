package co.plaza.profile.command;

import co.plaza.profile.api.ProfileKind;
import co.plaza.reservation.api.ReservationKind;
import co.plaza.reservation.command.Reservations;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/** Finds a user's profile of a kind from the event store: the profile holds the user's slot for that kind. */
@Component
public class ProfileDirectory {

    private final Reservations reservations;

    public ProfileDirectory(Reservations reservations) {
        this.reservations = reservations;
    }

    /** Call inside a unit of work. */
    public Optional<UUID> profileOf(UUID userId, ProfileKind kind) {
        return reservations.holder(ReservationKind.PROFILE, ProfileIds.slot(userId, kind));
    }
}
