package co.plaza.platform.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link SessionEpochs} in the {@code session_epoch} table, which every deployable shares through the database
 * (the command side moves it, every side checks it). Checks read through an in-memory cache of
 * {@code plaza.auth.session-check-ttl} (2 s): the moving node forgets its entry when the change commits, so in one
 * JVM a change is seen at once; another node sees it within that time.
 */
@Component
public class JdbcSessionEpochs implements SessionEpochs {

    /** Past this many cached users the cache starts over rather than grow. */
    private static final int MAX_CACHED = 100_000;

    private record Cached(long epoch, long loadedAt) {
    }

    private final JdbcTemplate jdbc;
    private final long ttlNanos;
    private final ConcurrentHashMap<UUID, Cached> cache = new ConcurrentHashMap<>();

    public JdbcSessionEpochs(JdbcTemplate jdbc, @Value("${plaza.auth.session-check-ttl:PT2S}") Duration ttl) {
        this.jdbc = jdbc;
        this.ttlNanos = ttl.toNanos();
    }

    @Override
    public long current(UUID userId) {
        List<Long> rows = jdbc.queryForList("SELECT epoch FROM session_epoch WHERE user_id = ?", Long.class, userId);
        return rows.isEmpty() ? 0 : rows.get(0);
    }

    @Override
    public long recent(UUID userId) {
        long now = System.nanoTime();
        Cached cached = cache.get(userId);
        if (cached != null && now - cached.loadedAt() < ttlNanos) {
            return cached.epoch();
        }
        long epoch = current(userId);
        if (cache.size() >= MAX_CACHED) {
            cache.clear();
        }
        cache.put(userId, new Cached(epoch, now));
        return epoch;
    }

    @Override
    public void advance(UUID userId) {
        jdbc.update("""
                INSERT INTO session_epoch (user_id, epoch) VALUES (?, 1)
                ON CONFLICT (user_id) DO UPDATE SET epoch = session_epoch.epoch + 1""", userId);
        cache.remove(userId);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            // a check between this update and the commit may have cached the old epoch again
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    cache.remove(userId);
                }
            });
        }
    }
}
