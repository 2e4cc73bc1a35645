package co.plaza.coreapi.marketplace;

import co.plaza.coreapi.media.MediaHostRemoved;
import co.plaza.coreapi.media.RelatedType;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

public final class AddEvents {
    private AddEvents() {
    }

    @Revision("1")
    public record AddCreatedEvent(UUID addId, UUID userId, Long legacyId, AddDetails details, AddStatus status,
                                  Instant createdAt, Instant updatedAt) {
    }

    @Revision("1")
    public record AddUpdatedEvent(UUID addId, UUID userId, AddDetails details) {
    }

    @Revision("1")
    public record AddStatusChangedEvent(UUID addId, UUID userId, AddStatus previousStatus, AddStatus status) {
    }

    /** A soft delete: gone for readers, kept in the event store; the ad's media are hidden with it. */
    @Revision("1")
    public record AddDeletedEvent(UUID addId, UUID userId, UUID categoryId) implements MediaHostRemoved {
        public RelatedType mediaHostType() {
            return RelatedType.ADD;
        }

        public UUID mediaHostId() {
            return addId;
        }
    }

    @Revision("1")
    public record CategoryCreatedEvent(UUID categoryId, Long legacyId, String name, String slug, String description,
                                       UUID parentId) {
    }

    @Revision("1")
    public record CategoryUpdatedEvent(UUID categoryId, String name, String slug, String description, UUID parentId) {
    }

    @Revision("1")
    public record CategoryDeletedEvent(UUID categoryId) {
    }

    /** A category counts the live ads and child categories that use it, so deleting one in use is refused. */
    @Revision("1")
    public record CategoryUsageChangedEvent(UUID categoryId, UUID userId, boolean used) {
    }

    @Revision("1")
    public record UserFollowedEvent(UUID followId, UUID followerId, UUID followedId, Long legacyId, Instant createdAt) {
    }

    @Revision("1")
    public record UserUnfollowedEvent(UUID followId, UUID followerId, UUID followedId) {
    }
}
