package co.plaza.media.projection;

import co.plaza.media.readmodel.MediaTable;
import co.plaza.platform.axon.Projection;
import co.plaza.media.api.MediaEvents.MediaDeletedEvent;
import co.plaza.media.api.MediaEvents.MediaReattachedEvent;
import co.plaza.media.api.MediaEvents.MediaReorderedEvent;
import co.plaza.media.api.MediaEvents.MediaUploadedEvent;
import co.plaza.media.api.MediaHostRemoved;
import org.axonframework.eventhandling.AllowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;

/** Media as API.md shows them; every handler is idempotent, so a replay or a redelivery changes nothing. */
@Component
@Projection(name = "media-projection")
@AllowReplay
public class MediaProjection {

    private final JdbcTemplate jdbc;

    public MediaProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(MediaUploadedEvent e) {
        jdbc.update("""
                INSERT INTO %s (id, legacy_id, storage_key, media_type, mime_type, size_bytes, content_hash, use,
                    related_type, related_id, uploaded_by, sort_order, created_at, blob_missing, hidden)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                    EXISTS (SELECT 1 FROM %s WHERE related_type = ? AND related_id = ?))
                ON CONFLICT (id) DO NOTHING""".formatted(MediaTable.MEDIA, MediaTable.REMOVED_HOSTS),
                e.mediaId(), e.legacyId(), e.storageKey(), e.mediaType().name(), e.mimeType(), e.sizeBytes(),
                e.contentHash(), e.use().name(), name(e.relatedType()), e.relatedId(), e.uploadedBy(), e.order(),
                Timestamp.from(e.createdAt()), e.blobMissing(), name(e.relatedType()), e.relatedId());
    }

    @EventHandler
    void on(MediaReorderedEvent e) {
        jdbc.update("UPDATE " + MediaTable.MEDIA + " SET sort_order = ? WHERE id = ?", e.order(), e.mediaId());
    }

    @EventHandler
    void on(MediaReattachedEvent e) {
        jdbc.update("""
                UPDATE %s SET use = ?, related_type = ?, related_id = ?, sort_order = ?,
                    hidden = EXISTS (SELECT 1 FROM %s WHERE related_type = ? AND related_id = ?)
                WHERE id = ?""".formatted(MediaTable.MEDIA, MediaTable.REMOVED_HOSTS),
                e.use().name(), name(e.relatedType()), e.relatedId(), e.order(), name(e.relatedType()), e.relatedId(),
                e.mediaId());
    }

    @EventHandler
    void on(MediaDeletedEvent e) {
        jdbc.update("UPDATE " + MediaTable.MEDIA + " SET deleted = TRUE WHERE id = ?", e.mediaId());
    }

    /** An ad or community deleted: its media disappear for readers, and stay in the event store for audit. */
    @EventHandler
    void on(MediaHostRemoved e) {
        jdbc.update("INSERT INTO " + MediaTable.REMOVED_HOSTS + " (related_type, related_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                e.mediaHostType().name(), e.mediaHostId());
        jdbc.update("UPDATE " + MediaTable.MEDIA + " SET hidden = TRUE WHERE related_type = ? AND related_id = ?",
                e.mediaHostType().name(), e.mediaHostId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE " + MediaTable.MEDIA + ", " + MediaTable.REMOVED_HOSTS);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
