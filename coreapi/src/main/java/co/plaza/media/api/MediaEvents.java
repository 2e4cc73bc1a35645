package co.plaza.media.api;

import co.plaza.common.api.StoredAs;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/** Every event carries the media's relation and use, so a read model of any host needs no lookup. */
public final class MediaEvents {
    private MediaEvents() {
    }

    @StoredAs(value = "media.MediaUploaded", formerly = "co.plaza.coreapi.media.MediaEvents$MediaUploadedEvent")
    @Revision("1")
    public record MediaUploadedEvent(UUID mediaId, String storageKey, MediaType mediaType, String mimeType,
                                     long sizeBytes, String contentHash, MediaUse use, RelatedType relatedType,
                                     UUID relatedId, int order, UUID uploadedBy, Long legacyId, boolean blobMissing,
                                     Instant createdAt) {
    }

    @StoredAs(value = "media.MediaReordered", formerly = "co.plaza.coreapi.media.MediaEvents$MediaReorderedEvent")
    @Revision("1")
    public record MediaReorderedEvent(UUID mediaId, MediaUse use, RelatedType relatedType, UUID relatedId, int order) {
    }

    /** Moved from one host to another (either may be none: null type and id). */
    @StoredAs(value = "media.MediaReattached", formerly = "co.plaza.coreapi.media.MediaEvents$MediaReattachedEvent")
    @Revision("1")
    public record MediaReattachedEvent(UUID mediaId, RelatedType previousType, UUID previousId, MediaUse previousUse,
                                       MediaUse use, RelatedType relatedType, UUID relatedId, int order) {
    }

    @StoredAs(value = "media.MediaDeleted", formerly = "co.plaza.coreapi.media.MediaEvents$MediaDeletedEvent")
    @Revision("1")
    public record MediaDeletedEvent(UUID mediaId, String storageKey, MediaUse use, RelatedType relatedType,
                                    UUID relatedId) {
    }
}
