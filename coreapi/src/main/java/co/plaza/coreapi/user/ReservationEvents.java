package co.plaza.coreapi.user;

import org.axonframework.serialization.Revision;

import java.util.UUID;

public final class ReservationEvents {
    private ReservationEvents() {
    }

    @Revision("1")
    public record ValueReservedEvent(UUID reservationId, ReservationKind kind, String value, UUID ownerId) {
    }

    @Revision("1")
    public record ReservationReleasedEvent(UUID reservationId, ReservationKind kind, UUID ownerId) {
    }
}
