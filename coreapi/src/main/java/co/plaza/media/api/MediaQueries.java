package co.plaza.media.api;

import co.plaza.common.api.Viewer;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

public final class MediaQueries {
    private MediaQueries() {
    }

    public record FindMediaQuery(UUID mediaId) {
    }

    /**
     * By relation, and/or the uploads of {@code uploadedBy}. Media that are not public ({@link MediaUse#isPublic})
     * are included only when uploaded by {@code privateVisibleTo}; null = all of them (admins).
     */
    public record ListMediaQuery(RelatedType relatedType, UUID relatedId, UUID uploadedBy, UUID privateVisibleTo,
                                 int page, int pageSize) {
    }

    /** {@code hidden}: its host was removed; readers get a 404, the row stays for audit. */
    public record MediaView(UUID id, Long legacyId, String storageKey, MediaType mediaType, String mimeType,
                            long sizeBytes, String contentHash, MediaUse use, RelatedType relatedType, UUID relatedId,
                            UUID uploadedBy, int order, Instant createdAt, boolean hidden, boolean blobMissing) {

        /**
         * Who may see this media by who they are: anyone when its use is public, else its uploader and admins (a
         * host's readers get signed URLs to it); to anyone else it does not exist (a 404).
         */
        public boolean visibleTo(Viewer viewer) {
            return use.isPublic() || viewer.ownsOrAdministers(uploadedBy);
        }
    }

    public record MediaPage(long count, List<MediaView> results) {
    }
}
