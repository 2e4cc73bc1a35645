package co.plaza.marketplace.projection;

import co.plaza.platform.axon.Projection;
import co.plaza.marketplace.api.AdEvents.AdCreatedEvent;
import co.plaza.marketplace.api.AdEvents.AdDeletedEvent;
import co.plaza.marketplace.api.AdEvents.AdStatusChangedEvent;
import co.plaza.marketplace.api.AdEvents.AdUpdatedEvent;
import co.plaza.marketplace.api.CategoryEvents.CategoryCreatedEvent;
import co.plaza.marketplace.api.CategoryEvents.CategoryDeletedEvent;
import co.plaza.marketplace.api.CategoryEvents.CategoryUpdatedEvent;
import co.plaza.marketplace.api.FollowEvents.UserFollowedEvent;
import co.plaza.marketplace.api.FollowEvents.UserUnfollowedEvent;
import co.plaza.media.api.MediaEvents.MediaDeletedEvent;
import co.plaza.media.api.MediaEvents.MediaReattachedEvent;
import co.plaza.media.api.MediaEvents.MediaReorderedEvent;
import co.plaza.media.api.MediaEvents.MediaUploadedEvent;
import co.plaza.media.api.MediaRef;
import co.plaza.media.api.MediaUse;
import co.plaza.media.api.RelatedType;
import co.plaza.identity.readmodel.UserActivityTracking;
import co.plaza.marketplace.readmodel.AdsTables;
import org.axonframework.eventhandling.AllowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.UUID;

/**
 * Ads (with their images), categories and follows in PostgreSQL. It follows users' activity too, because ads of
 * deactivated users are hidden. The views counter ({@code add_views}) is not its table: a reset leaves it alone.
 */
@Component
@Projection(name = "marketplace-projection")
@AllowReplay
public class MarketplaceProjection extends UserActivityTracking {

    private final JdbcTemplate jdbc;

    public MarketplaceProjection(JdbcTemplate jdbc) {
        super(jdbc, AdsTables.USER_STATE);
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(AdCreatedEvent e, @SequenceNumber long version) {
        jdbc.update("""
                INSERT INTO %s (id, legacy_id, user_id, status, created_at, updated_at, version, %s)
                VALUES (?, ?, ?, ?, ?, ?, ?, %s)
                ON CONFLICT (id) DO NOTHING""".formatted(AdsTables.ADS, AdsTables.DETAIL_COLUMNS, AdsTables.DETAIL_PLACEHOLDERS),
                concat(new Object[]{e.addId(), e.legacyId(), e.userId(), e.status().wire(),
                        java.sql.Timestamp.from(e.createdAt()), java.sql.Timestamp.from(e.updatedAt()), version},
                        AdsTables.detailValues(e.details())));
    }

    @EventHandler
    void on(AdUpdatedEvent e, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.update("""
                UPDATE %s SET (%s, updated_at, version) = (%s, ?, ?)
                WHERE id = ? AND version < ?""".formatted(AdsTables.ADS, AdsTables.DETAIL_COLUMNS, AdsTables.DETAIL_PLACEHOLDERS),
                concat(AdsTables.detailValues(e.details()),
                        new Object[]{java.sql.Timestamp.from(at), version, e.addId(), version}));
    }

    private static Object[] concat(Object[] first, Object[] second) {
        Object[] all = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    @EventHandler
    void on(AdStatusChangedEvent e, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.update("UPDATE " + AdsTables.ADS + " SET status = ?, updated_at = ?, version = ? WHERE id = ? AND version < ?",
                e.status().wire(), java.sql.Timestamp.from(at), version, e.addId(), version);
    }

    @EventHandler
    void on(AdDeletedEvent e, @SequenceNumber long version) {
        jdbc.update("UPDATE " + AdsTables.ADS + " SET deleted = TRUE, version = ? WHERE id = ? AND version < ?",
                version, e.addId(), version);
    }

    @EventHandler
    void on(MediaUploadedEvent e) {
        if (isAddImage(e.use(), e.relatedType())) {
            attach(e.mediaId(), e.relatedId(), e.order());
        }
    }

    @EventHandler
    void on(MediaReorderedEvent e) {
        if (isAddImage(e.use(), e.relatedType())) {
            jdbc.update("UPDATE " + AdsTables.IMAGES + " SET sort_order = ? WHERE media_id = ?", e.order(), e.mediaId());
        }
    }

    @EventHandler
    void on(MediaReattachedEvent e) {
        // moved out of an ad, into one, or both
        jdbc.update("DELETE FROM " + AdsTables.IMAGES + " WHERE media_id = ?", e.mediaId());
        if (isAddImage(e.use(), e.relatedType())) {
            attach(e.mediaId(), e.relatedId(), e.order());
        }
    }

    @EventHandler
    void on(MediaDeletedEvent e) {
        jdbc.update("DELETE FROM " + AdsTables.IMAGES + " WHERE media_id = ?", e.mediaId());
    }

    @EventHandler
    void on(CategoryCreatedEvent e) {
        jdbc.update("""
                INSERT INTO %s (id, legacy_id, name, slug, description, parent_id) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO NOTHING""".formatted(AdsTables.CATEGORIES),
                e.categoryId(), e.legacyId(), e.name(), e.slug(), nz(e.description()), e.parentId());
    }

    @EventHandler
    void on(CategoryUpdatedEvent e) {
        jdbc.update("UPDATE " + AdsTables.CATEGORIES + " SET name = ?, slug = ?, description = ?, parent_id = ? WHERE id = ?",
                e.name(), e.slug(), nz(e.description()), e.parentId(), e.categoryId());
    }

    @EventHandler
    void on(CategoryDeletedEvent e) {
        jdbc.update("UPDATE " + AdsTables.CATEGORIES + " SET deleted = TRUE WHERE id = ?", e.categoryId());
    }

    @EventHandler
    void on(UserFollowedEvent e) {
        jdbc.update("""
                INSERT INTO %s (id, legacy_id, follower_id, followed_id, created_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (id) DO NOTHING""".formatted(AdsTables.FOLLOWS),
                e.followId(), e.legacyId(), e.followerId(), e.followedId(), java.sql.Timestamp.from(e.createdAt()));
    }

    @EventHandler
    void on(UserUnfollowedEvent e) {
        jdbc.update("DELETE FROM " + AdsTables.FOLLOWS + " WHERE id = ?", e.followId());
    }

    /** Only the read model's own tables: the views counter survives a replay. */
    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE " + String.join(", ", AdsTables.ADS, AdsTables.IMAGES, AdsTables.USER_STATE,
                AdsTables.CATEGORIES, AdsTables.FOLLOWS));
    }

    static boolean isAddImage(MediaUse use, RelatedType type) {
        return use == MediaUse.ADD_IMAGE && type == RelatedType.ADD;
    }

    private void attach(UUID mediaId, UUID addId, int order) {
        jdbc.update("""
                INSERT INTO %s (media_id, add_id, path, sort_order) VALUES (?, ?, ?, ?)
                ON CONFLICT (media_id) DO UPDATE SET add_id = EXCLUDED.add_id, sort_order = EXCLUDED.sort_order""".formatted(AdsTables.IMAGES),
                mediaId, addId, MediaRef.pathOf(mediaId), order);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
