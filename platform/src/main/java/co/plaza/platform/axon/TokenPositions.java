package co.plaza.platform.axon;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;

/**
 * Where a processor's token stands in the event store, for everything that asks (read-your-writes, lag, index
 * rebuilds): a replay's position is where the replay has got to, and a missing token stands before the first event.
 */
public final class TokenPositions {

    private TokenPositions() {
    }

    /** The global position handled so far; -1 when none (no token yet, or a replay that has not started). */
    public static long of(TrackingToken token) {
        TrackingToken current = current(token);
        return current == null ? -1 : current.position().orElse(-1);
    }

    /** Whether the event at {@code position} has been handled: passed, and not a gap still open below the token. */
    public static boolean covers(TrackingToken token, long position) {
        TrackingToken current = current(token);
        if (current == null || current.position().orElse(-1) < position) {
            return false;
        }
        return !(current instanceof GapAwareTrackingToken gapAware) || !gapAware.getGaps().contains(position);
    }

    /** The token a replay has got to (itself when not replaying): where a stream from here would go on. */
    public static TrackingToken current(TrackingToken token) {
        return token instanceof ReplayToken replay ? replay.getCurrentToken() : token;
    }
}
