package co.plaza.identity.command.auth;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

/** Sliding-window counters in PostgreSQL, so every instance of the command side sees the same limits. */
@Component
public class Throttle {

    /**
     * At most {@code max} hits per {@code window}. A lockout limit, once reached, holds for a whole window
     * from the last hit (failed logins); otherwise the window slides (SMS requests).
     */
    public record Limit(String bucket, int max, Duration window, boolean lockout) {
    }

    private final JdbcTemplate jdbc;

    public Throttle(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Seconds until the key is under its limit again, or empty when it is under it now. */
    public OptionalLong retryAfter(Limit limit, String key) {
        Instant since = Instant.now().minus(limit.window());
        var row = jdbc.queryForMap("SELECT count(*) AS n, min(at) AS oldest, max(at) AS newest FROM auth_attempt WHERE bucket = ? AND key = ? AND at > ?",
                limit.bucket(), key, Timestamp.from(since));
        long count = ((Number) row.get("n")).longValue();
        if (count < limit.max()) {
            return OptionalLong.empty();
        }
        Instant from = ((Timestamp) row.get(limit.lockout() ? "newest" : "oldest")).toInstant();
        long seconds = Duration.between(Instant.now(), from.plus(limit.window())).toSeconds();
        return OptionalLong.of(Math.max(1, seconds + 1));
    }

    public void record(Limit limit, String key) {
        jdbc.update("INSERT INTO auth_attempt (bucket, key, at) VALUES (?, ?, now())", limit.bucket(), key);
    }

    /** A successful login forgets the account's failures. */
    public void clear(Limit limit, String key) {
        jdbc.update("DELETE FROM auth_attempt WHERE bucket = ? AND key = ?", limit.bucket(), key);
    }

    @Scheduled(fixedDelay = 600_000)
    public void forgetOld() {
        jdbc.update("DELETE FROM auth_attempt WHERE at < now() - interval '1 day'");
    }
}
