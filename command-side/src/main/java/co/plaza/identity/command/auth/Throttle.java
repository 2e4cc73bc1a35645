package co.plaza.identity.command.auth;

import co.plaza.platform.errors.DomainException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Duration;

/**
 * Sliding-window rate limits in PostgreSQL, shared by every instance of the command side (ADR 0014). A hit is
 * taken before the work it limits, checked and counted in one step under a lock on its key, so parallel requests
 * never get past the limit; work that turns out not to count (a successful login) gives its hit back. Keys are
 * stored as SHA-256 digests: any text can be a key (NUL included) and none is kept in the clear.
 */
@Component
public class Throttle {

    /**
     * At most {@code max} hits per {@code window}. A lockout limit, once reached, holds for a whole window
     * from the last hit (failed logins); otherwise the window slides (SMS requests).
     */
    public record Limit(String bucket, int max, Duration window, boolean lockout) {
    }

    /** A hit taken ({@link #allowed()}), or the seconds until the key is under its limit again. */
    public record Hit(long id, long retryAfter) {
        public boolean allowed() {
            return retryAfter == 0;
        }
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;

    public Throttle(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        // a hit counts even when the caller's transaction rolls back, and the key's lock is held only briefly
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Takes a hit on the key if it is under its limit. */
    public Hit hit(Limit limit, String key) {
        byte[] digest = digest(limit, key);
        return ownTransaction.execute(status -> {
            // one transaction at a time per key: the count below sees every hit committed before it (and the
            // statements' own clock, as the transaction's now() is from before the wait)
            jdbc.query("SELECT pg_advisory_xact_lock(?)", rs -> null, ByteBuffer.wrap(digest).getLong());
            var row = jdbc.queryForMap("""
                    SELECT count(*) AS n, min(expires_at) AS oldest, max(expires_at) AS newest, statement_timestamp() AS now
                    FROM rate_limit_hit WHERE key_hash = ? AND expires_at > statement_timestamp()""", digest);
            if (((Number) row.get("n")).longValue() >= limit.max()) {
                Timestamp until = (Timestamp) row.get(limit.lockout() ? "newest" : "oldest");
                long millis = until.getTime() - ((Timestamp) row.get("now")).getTime();
                return new Hit(0, Math.max(1, (millis + 999) / 1000));
            }
            Long id = jdbc.queryForObject("""
                    INSERT INTO rate_limit_hit (bucket, key_hash, expires_at)
                    VALUES (?, ?, statement_timestamp() + ? * interval '1 millisecond') RETURNING id""",
                    Long.class, limit.bucket(), digest, limit.window().toMillis());
            return new Hit(id, 0);
        });
    }

    /** Takes a hit, or refuses with a 429 that says how long to wait. */
    public Hit require(Limit limit, String key) {
        return require(limit, key, () -> { });
    }

    /** As {@link #require(Limit, String)}; {@code beforeRefusal} gives back what the request took of other limits. */
    public Hit require(Limit limit, String key, Runnable beforeRefusal) {
        Hit hit = hit(limit, key);
        if (!hit.allowed()) {
            beforeRefusal.run();
            throw DomainException.tooManyRequests("error.throttled", hit.retryAfter());
        }
        return hit;
    }

    /** Gives back a hit taken for work that did not count. */
    public void giveBack(Hit hit) {
        if (hit.allowed()) {
            jdbc.update("DELETE FROM rate_limit_hit WHERE id = ?", hit.id());
        }
    }

    /** Forgets every hit on the key (a successful login forgets the account's failures). */
    public void clear(Limit limit, String key) {
        jdbc.update("DELETE FROM rate_limit_hit WHERE key_hash = ?", (Object) digest(limit, key));
    }

    @Scheduled(fixedDelay = 600_000)
    public void forgetOld() {
        jdbc.update("DELETE FROM rate_limit_hit WHERE expires_at < now()");
    }

    private static byte[] digest(Limit limit, String key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(limit.bucket().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(String.valueOf(key).getBytes(StandardCharsets.UTF_8));
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
