package co.plaza.marketplace.projection;

import co.plaza.identity.readmodel.UserActivityTracking;
import co.plaza.platform.axon.Projection;
import co.plaza.marketplace.api.AdEvents.AdCreatedEvent;
import co.plaza.marketplace.api.AdEvents.AdDeletedEvent;
import co.plaza.marketplace.api.AdEvents.AdStatusChangedEvent;
import co.plaza.marketplace.api.AdEvents.AdUpdatedEvent;
import co.plaza.marketplace.readmodel.AdsIndex;
import co.plaza.media.api.MediaEvents.MediaDeletedEvent;
import co.plaza.media.api.MediaEvents.MediaReattachedEvent;
import co.plaza.media.api.MediaEvents.MediaReorderedEvent;
import co.plaza.media.api.MediaEvents.MediaUploadedEvent;
import co.plaza.media.api.MediaUse;
import co.plaza.media.api.RelatedType;
import co.plaza.platform.elasticsearch.SearchIndexes;
import co.plaza.platform.elasticsearch.SearchWriter;
import org.axonframework.eventhandling.AllowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Writes the ads index ({@link AdsIndex}) behind list, search and nearby, versioned by the event's global
 * position: ads with their images, and the owner's active state, which a deactivation or reactivation rewrites on
 * every document of that owner. Deleted ads are removed (a tombstone version keeps them removed). A replay
 * rewrites the index in place, so it needs no reset: re-sent writes carry the same positions and change nothing.
 */
@Component
@Projection(name = "adds-search-projection", searchIndexes = AdsIndex.INDEX)
@AllowReplay
public class AdsSearchProjection extends UserActivityTracking {

    private final SearchWriter writer;
    private final String alias;

    public AdsSearchProjection(SearchIndexes indexes, SearchWriter writer, JdbcTemplate jdbc) {
        super(jdbc, "add_search_user_state");
        this.writer = writer;
        this.alias = indexes.ensure(AdsIndex.INDEX, AdsIndex.VERSION, AdsIndex.MAPPING);
    }

    public String alias() {
        return alias;
    }

    @EventHandler
    void on(AdCreatedEvent e, TrackingToken token, @SequenceNumber long version) {
        long position = position(token);
        writer.index(alias, e.addId().toString(), AdsIndex.document(e, position, version, isActive(e.userId())), position);
    }

    @EventHandler
    void on(AdUpdatedEvent e, TrackingToken token, @SequenceNumber long version, @Timestamp Instant at) {
        change(e.addId(), token, doc -> {
            AdsIndex.details(doc, e.details());
            AdsIndex.changed(doc, at, version);
        });
    }

    @EventHandler
    void on(AdStatusChangedEvent e, TrackingToken token, @SequenceNumber long version, @Timestamp Instant at) {
        change(e.addId(), token, doc -> {
            AdsIndex.status(doc, e.status());
            AdsIndex.changed(doc, at, version);
        });
    }

    @EventHandler
    void on(AdDeletedEvent e, TrackingToken token) {
        writer.delete(alias, e.addId().toString(), position(token));
    }

    @Override
    protected void activityChanged(UUID userId, boolean active, TrackingToken token) {
        writer.updateMatching(alias, AdsIndex.USER_ID, userId.toString(), AdsIndex.SEQ, position(token),
                doc -> AdsIndex.ownerActive(doc, active));
    }

    @EventHandler
    void on(MediaUploadedEvent e, TrackingToken token) {
        if (isAddImage(e.use(), e.relatedType())) {
            change(e.relatedId(), token, doc -> AdsIndex.putImage(doc, e.mediaId(), e.order()));
        }
    }

    @EventHandler
    void on(MediaReorderedEvent e, TrackingToken token) {
        if (isAddImage(e.use(), e.relatedType()) && e.relatedId() != null) {
            change(e.relatedId(), token, doc -> AdsIndex.reorderImage(doc, e.mediaId(), e.order()));
        }
    }

    @EventHandler
    void on(MediaReattachedEvent e, TrackingToken token) {
        if (isAddImage(e.previousUse(), e.previousType()) && e.previousId() != null) {
            change(e.previousId(), token, doc -> AdsIndex.removeImage(doc, e.mediaId()));
        }
        if (isAddImage(e.use(), e.relatedType())) {
            change(e.relatedId(), token, doc -> AdsIndex.putImage(doc, e.mediaId(), e.order()));
        }
    }

    @EventHandler
    void on(MediaDeletedEvent e, TrackingToken token) {
        if (isAddImage(e.use(), e.relatedType()) && e.relatedId() != null) {
            change(e.relatedId(), token, doc -> AdsIndex.removeImage(doc, e.mediaId()));
        }
    }

    private void change(UUID addId, TrackingToken token, Consumer<Map<String, Object>> change) {
        writer.update(alias, addId.toString(), position(token), change);
    }

    private static boolean isAddImage(MediaUse use, RelatedType type) {
        return use == MediaUse.ADD_IMAGE && type == RelatedType.ADD;
    }

    static long position(TrackingToken token) {
        return token.position().orElseThrow(() -> new IllegalStateException("event without a global position"));
    }
}
