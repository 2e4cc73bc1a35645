package co.plaza.marketplace.api;

import co.plaza.common.api.StoredAs;
import co.plaza.media.api.MediaHostRemoved;
import co.plaza.media.api.RelatedType;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

public final class AdEvents {
    private AdEvents() {
    }


    @StoredAs(value = "marketplace.AdCreated", formerly = "co.plaza.coreapi.marketplace.AddEvents$AddCreatedEvent")
    @Revision("1")
    public record AdCreatedEvent(UUID addId, UUID userId, Long legacyId, AdDetails details, AdStatus status,
                                  Instant createdAt, Instant updatedAt) {
    }

    @StoredAs(value = "marketplace.AdUpdated", formerly = "co.plaza.coreapi.marketplace.AddEvents$AddUpdatedEvent")
    @Revision("1")
    public record AdUpdatedEvent(UUID addId, UUID userId, AdDetails details) {
    }

    @StoredAs(value = "marketplace.AdStatusChanged", formerly = "co.plaza.coreapi.marketplace.AddEvents$AddStatusChangedEvent")
    @Revision("1")
    public record AdStatusChangedEvent(UUID addId, UUID userId, AdStatus previousStatus, AdStatus status) {
    }

    /** A soft delete: gone for readers, kept in the event store; the ad's media are hidden with it. */
    @StoredAs(value = "marketplace.AdDeleted", formerly = "co.plaza.coreapi.marketplace.AddEvents$AddDeletedEvent")
    @Revision("1")
    public record AdDeletedEvent(UUID addId, UUID userId, UUID categoryId) implements MediaHostRemoved {
        public RelatedType mediaHostType() {
            return RelatedType.ADD;
        }

        public UUID mediaHostId() {
            return addId;
        }
    }
}
