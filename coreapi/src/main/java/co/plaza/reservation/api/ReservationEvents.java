package co.plaza.reservation.api;

import co.plaza.common.api.StoredAs;
import org.axonframework.serialization.Revision;

import java.util.UUID;

public final class ReservationEvents {
    private ReservationEvents() {
    }

    @StoredAs(value = "reservation.ValueReserved", formerly = "co.plaza.coreapi.user.ReservationEvents$ValueReservedEvent")
    @Revision("1")
    public record ValueReservedEvent(UUID reservationId, ReservationKind kind, String value, UUID ownerId) {
    }

    @StoredAs(value = "reservation.ReservationReleased", formerly = "co.plaza.coreapi.user.ReservationEvents$ReservationReleasedEvent")
    @Revision("1")
    public record ReservationReleasedEvent(UUID reservationId, ReservationKind kind, UUID ownerId) {
    }
}
