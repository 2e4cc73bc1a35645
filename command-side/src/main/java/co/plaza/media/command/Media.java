package co.plaza.media.command;

import co.plaza.common.api.StoredAs;
import co.plaza.media.api.MediaCommands.UploadMediaCommand;
import co.plaza.media.api.MediaEvents.MediaDeletedEvent;
import co.plaza.media.api.MediaEvents.MediaReattachedEvent;
import co.plaza.media.api.MediaEvents.MediaReorderedEvent;
import co.plaza.media.api.MediaEvents.MediaUploadedEvent;
import co.plaza.media.api.MediaType;
import co.plaza.media.api.MediaUse;
import co.plaza.media.api.RelatedType;
import co.plaza.platform.axon.AggregateLoading;
import co.plaza.platform.errors.DomainException;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One stored file and what it hangs on. Relation rules that span media (caps, replacement, the host's owner) are
 * checked by {@link MediaCommandHandler} under a lock of the host; the aggregate keeps its own life cycle.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
@StoredAs(value = "media.Media", formerly = "co.plaza.media.Media")
@Aggregate(cache = AggregateLoading.CACHE, snapshotTriggerDefinition = AggregateLoading.SNAPSHOTS)
public class Media {

    @AggregateIdentifier
    private UUID mediaId;
    private String storageKey;
    private MediaType mediaType;
    private MediaUse use;
    private RelatedType relatedType;
    private UUID relatedId;
    private int order;
    private UUID uploadedBy;
    private boolean deleted;

    protected Media() {
    }

    Media(UploadMediaCommand command, int order, Instant now) {
        apply(new MediaUploadedEvent(command.mediaId(), command.storageKey(), command.mediaType(), command.mimeType(),
                command.sizeBytes(), command.contentHash(), command.use(), command.relatedType(), command.relatedId(),
                order, command.uploadedBy(), command.legacyId(), command.blobMissing(),
                command.createdAt() == null ? now : command.createdAt()));
    }

    void reorder(int newOrder) {
        requireLive();
        if (newOrder != order) {
            apply(new MediaReorderedEvent(mediaId, use, relatedType, relatedId, newOrder));
        }
    }

    void reattach(MediaUse newUse, RelatedType newType, UUID newId, int newOrder) {
        requireLive();
        if (!newUse.allows(mediaType)) {
            throw DomainException.field("related_type", "error.media_use_mismatch");
        }
        if (newType != relatedType || !Objects.equals(newId, relatedId)) {
            apply(new MediaReattachedEvent(mediaId, relatedType, relatedId, use, newUse, newType, newId, newOrder));
        }
    }

    /** Deleting twice changes nothing: the blob cleanup that follows may run again safely. */
    void delete() {
        if (!deleted) {
            apply(new MediaDeletedEvent(mediaId, storageKey, use, relatedType, relatedId));
        }
    }

    UUID uploadedBy() {
        return uploadedBy;
    }

    RelatedType relatedType() {
        return relatedType;
    }

    UUID relatedId() {
        return relatedId;
    }

    MediaUse use() {
        return use;
    }

    boolean deleted() {
        return deleted;
    }

    private void requireLive() {
        if (deleted) {
            throw DomainException.notFound();
        }
    }

    @EventSourcingHandler
    void on(MediaUploadedEvent event) {
        mediaId = event.mediaId();
        storageKey = event.storageKey();
        mediaType = event.mediaType();
        use = event.use();
        relatedType = event.relatedType();
        relatedId = event.relatedId();
        order = event.order();
        uploadedBy = event.uploadedBy();
    }

    @EventSourcingHandler
    void on(MediaReorderedEvent event) {
        order = event.order();
    }

    @EventSourcingHandler
    void on(MediaReattachedEvent event) {
        use = event.use();
        relatedType = event.relatedType();
        relatedId = event.relatedId();
        order = event.order();
    }

    @EventSourcingHandler
    void on(MediaDeletedEvent event) {
        deleted = true;
    }
}
