package co.plaza.reservation.command;

import co.plaza.common.api.LegacyIds;
import co.plaza.reservation.api.ReservationKind;
import co.plaza.platform.errors.DomainException;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/**
 * Claims and releases unique values inside the caller's unit of work, so the claim commits or fails with
 * the command that needs it. Used by the identity and profile command handlers alike.
 */
@Component
public class Reservations {

    /** Namespace of reservation ids, so they never collide with object ids. */
    private static final UUID NAMESPACE = UUID.fromString("1b0e58a1-5c0b-4a44-9a5e-2cf0a3b7d9e4");

    private final Repository<Reservation> repository;

    public Reservations(Repository<Reservation> repository) {
        this.repository = repository;
    }

    public static UUID idOf(ReservationKind kind, String normalisedValue) {
        return LegacyIds.nameBased(NAMESPACE, kind.name() + ":" + normalisedValue);
    }

    /** @throws DomainException with {@code takenMessage} on {@code field} when someone else holds it */
    public void claim(ReservationKind kind, String normalisedValue, UUID owner, String field, String takenMessage) {
        UUID id = idOf(kind, normalisedValue);
        Optional<Aggregate<Reservation>> existing = load(id);
        if (existing.isEmpty()) {
            try {
                repository.newInstance(() -> new Reservation(id, kind, normalisedValue, owner));
            } catch (Exception e) {
                throw new IllegalStateException("cannot reserve " + kind, e);
            }
            return;
        }
        Aggregate<Reservation> reservation = existing.get();
        boolean[] taken = {false};
        reservation.execute(r -> {
            if (r.isHeldBy(owner)) {
                return;
            }
            if (!r.isFree()) {
                taken[0] = true;
                return;
            }
            r.claim(normalisedValue, owner);
        });
        if (taken[0]) {
            throw DomainException.field(field, takenMessage);
        }
    }

    /** Who holds a value now, if anyone. */
    public Optional<UUID> holder(ReservationKind kind, String normalisedValue) {
        return load(idOf(kind, normalisedValue)).flatMap(a -> Optional.ofNullable(a.invoke(Reservation::owner)));
    }

    public void release(ReservationKind kind, String normalisedValue, UUID owner) {
        load(idOf(kind, normalisedValue)).ifPresent(a -> a.execute(r -> r.release(owner)));
    }

    private Optional<Aggregate<Reservation>> load(UUID id) {
        try {
            return Optional.of(repository.load(id.toString()));
        } catch (AggregateNotFoundException e) {
            return Optional.empty();
        }
    }
}
