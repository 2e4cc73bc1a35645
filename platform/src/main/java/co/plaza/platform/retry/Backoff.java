package co.plaza.platform.retry;

import java.time.Duration;

/**
 * How long the platform waits before trying again what failed (a saga's command, an owned aggregate's removal):
 * 1 s after the first failure, doubling, at most 5 minutes, so a failure that lasts is retried without flooding.
 */
public final class Backoff {

    public static final Duration FIRST = Duration.ofSeconds(1);
    public static final Duration MAX = Duration.ofMinutes(5);

    private Backoff() {
    }

    /** The wait after the {@code failures}-th failure in a row (1 for the first). */
    public static Duration after(int failures) {
        long seconds = FIRST.toSeconds() << Math.min(Math.max(failures, 1) - 1, 20);
        return Duration.ofSeconds(Math.min(seconds, MAX.toSeconds()));
    }
}
