package co.plaza.coreapi.media;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/** Every event carries the media's relation and use, so a read model of any host needs no lookup. */
public final class MediaEvents {
    private MediaEvents() {
    }

    @Revision("1")
    public record MediaUploadedEvent(UUID mediaId, String storageKey, MediaType mediaType, String mimeType,
                                     long sizeBytes, String contentHash, MediaUse use, RelatedType relatedType,
                                     UUID relatedId, int order, UUID uploadedBy, Long legacyId, boolean blobMissing,
                                     Instant createdAt) {
    }

    @Revision("1")
    public record MediaReorderedEvent(UUID mediaId, MediaUse use, RelatedType relatedType, UUID relatedId, int order) {
    }

    /** Moved from one host to another (either may be none: null type and id). */
    @Revision("1")
    public record MediaReattachedEvent(UUID mediaId, RelatedType previousType, UUID previousId, MediaUse previousUse,
                                       MediaUse use, RelatedType relatedType, UUID relatedId, int order) {
    }

    @Revision("1")
    public record MediaDeletedEvent(UUID mediaId, String storageKey, MediaUse use, RelatedType relatedType,
                                    UUID relatedId) {
    }
}
