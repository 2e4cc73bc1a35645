package co.plaza.media.command;

import co.plaza.platform.axon.Policy;
import co.plaza.media.api.MediaEvents.MediaDeletedEvent;
import co.plaza.media.api.MediaEvents.MediaReattachedEvent;
import co.plaza.media.api.MediaEvents.MediaReorderedEvent;
import co.plaza.media.api.MediaEvents.MediaUploadedEvent;
import co.plaza.media.api.MediaUse;
import co.plaza.media.api.RelatedType;
import co.plaza.platform.blobs.BlobStore;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The command side's set of live media per host, kept in the command's own transaction (a subscribing
 * processor), so caps and replacements are decided on what is committed, under a lock of the host. It also removes
 * a deleted media's blob once the deletion is committed.
 */
@Component
@Policy(name = "media-registry", subscribing = true)
@DisallowReplay
public class MediaRegistry {

    private static final Logger log = LoggerFactory.getLogger(MediaRegistry.class);

    private final JdbcTemplate jdbc;
    private final BlobStore blobs;

    public MediaRegistry(JdbcTemplate jdbc, BlobStore blobs) {
        this.jdbc = jdbc;
        this.blobs = blobs;
    }

    /** Serialises changes to one host's media until the transaction ends (two uploads can't both take slot 10). */
    public void lockHost(RelatedType type, UUID id) {
        jdbc.query("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", rs -> null, type.wire() + ":" + id);
    }

    public int count(MediaUse use, RelatedType type, UUID id) {
        Integer n = jdbc.queryForObject("SELECT count(*) FROM media_registry WHERE use = ? AND related_type = ? "
                + "AND related_id = ? AND deleted_at IS NULL", Integer.class, use.name(), type.name(), id);
        return n == null ? 0 : n;
    }

    public int nextOrder(MediaUse use, RelatedType type, UUID id) {
        Integer max = jdbc.queryForObject("SELECT max(sort_order) FROM media_registry WHERE use = ? "
                + "AND related_type = ? AND related_id = ? AND deleted_at IS NULL", Integer.class,
                use.name(), type.name(), id);
        return max == null ? 0 : max + 1;
    }

    public List<UUID> live(MediaUse use, RelatedType type, UUID id) {
        return jdbc.queryForList("SELECT media_id FROM media_registry WHERE use = ? AND related_type = ? "
                + "AND related_id = ? AND deleted_at IS NULL ORDER BY sort_order, media_id", UUID.class,
                use.name(), type.name(), id);
    }

    /** Storage keys of every media (live or deleted) with when each was uploaded, for the sweep. */
    public Map<String, Entry> byStorageKey() {
        Map<String, Entry> entries = new java.util.HashMap<>();
        jdbc.query("SELECT media_id, storage_key, created_at, deleted_at, blob_missing FROM media_registry", rs -> {
            entries.put(rs.getString("storage_key"), new Entry(rs.getObject("media_id", UUID.class),
                    rs.getString("storage_key"), rs.getTimestamp("created_at").toInstant(),
                    rs.getTimestamp("deleted_at") != null, rs.getBoolean("blob_missing")));
        });
        return entries;
    }

    public Optional<Entry> find(UUID mediaId) {
        return jdbc.query("SELECT media_id, storage_key, created_at, deleted_at, blob_missing FROM media_registry "
                        + "WHERE media_id = ?", (rs, i) -> new Entry(rs.getObject("media_id", UUID.class),
                        rs.getString("storage_key"), rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("deleted_at") != null, rs.getBoolean("blob_missing")), mediaId)
                .stream().findFirst();
    }

    public record Entry(UUID mediaId, String storageKey, Instant createdAt, boolean deleted, boolean blobMissing) {
    }

    @EventHandler
    void on(MediaUploadedEvent e) {
        jdbc.update("INSERT INTO media_registry (media_id, storage_key, use, related_type, related_id, uploaded_by, "
                        + "sort_order, created_at, blob_missing) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                e.mediaId(), e.storageKey(), e.use().name(), e.relatedType() == null ? null : e.relatedType().name(),
                e.relatedId(), e.uploadedBy(), e.order(), Timestamp.from(e.createdAt()), e.blobMissing());
    }

    @EventHandler
    void on(MediaReorderedEvent e) {
        jdbc.update("UPDATE media_registry SET sort_order = ? WHERE media_id = ?", e.order(), e.mediaId());
    }

    @EventHandler
    void on(MediaReattachedEvent e) {
        jdbc.update("UPDATE media_registry SET use = ?, related_type = ?, related_id = ?, sort_order = ? "
                        + "WHERE media_id = ?", e.use().name(), e.relatedType() == null ? null : e.relatedType().name(),
                e.relatedId(), e.order(), e.mediaId());
    }

    @EventHandler
    void on(MediaDeletedEvent e) {
        jdbc.update("UPDATE media_registry SET deleted_at = now() WHERE media_id = ?", e.mediaId());
        afterCommit(() -> deleteBlob(e.storageKey()));
    }

    /** After the real commit (an outer transaction may span several commands), never before. */
    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }

    /** A blob that fails to go now is an orphan the sweep will find and remove. */
    public void deleteBlob(String key) {
        try {
            blobs.delete(key);
        } catch (IOException | RuntimeException e) {
            log.warn("Could not delete blob {} (the media sweep will retry): {}", key, e.toString());
        }
    }
}
