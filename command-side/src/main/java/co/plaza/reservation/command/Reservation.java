package co.plaza.reservation.command;

import co.plaza.reservation.api.ReservationEvents.ReservationReleasedEvent;
import co.plaza.reservation.api.ReservationEvents.ValueReservedEvent;
import co.plaza.reservation.api.ReservationKind;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A unique value (username, email, phone, a user's profile of one kind) held by one owner. Its id is derived
 * from the normalised value, and the event store accepts one creation per aggregate id, so two simultaneous
 * claims of a new value cannot both commit — on PostgreSQL and on Axon Server alike, with no read model involved.
 */
@Aggregate
public class Reservation {

    @AggregateIdentifier
    private UUID reservationId;
    private ReservationKind kind;
    private UUID ownerId;

    protected Reservation() {
    }

    Reservation(UUID reservationId, ReservationKind kind, String value, UUID ownerId) {
        apply(new ValueReservedEvent(reservationId, kind, value, ownerId));
    }

    boolean isHeldBy(UUID owner) {
        return owner.equals(ownerId);
    }

    UUID owner() {
        return ownerId;
    }

    boolean isFree() {
        return ownerId == null;
    }

    /** Claiming a released value appends to its stream; two racing claims collide on the sequence number. */
    void claim(String value, UUID owner) {
        if (!isFree()) {
            throw new IllegalStateException("reservation " + reservationId + " is held");
        }
        apply(new ValueReservedEvent(reservationId, kind, value, owner));
    }

    void release(UUID owner) {
        if (isHeldBy(owner)) {
            apply(new ReservationReleasedEvent(reservationId, kind, owner));
        }
    }

    @EventSourcingHandler
    void on(ValueReservedEvent event) {
        reservationId = event.reservationId();
        kind = event.kind();
        ownerId = event.ownerId();
    }

    @EventSourcingHandler
    void on(ReservationReleasedEvent event) {
        ownerId = null;
    }
}
