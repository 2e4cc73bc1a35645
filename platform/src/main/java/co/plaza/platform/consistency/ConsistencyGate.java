package co.plaza.platform.consistency;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

/**
 * Read-your-writes, bounded: waits until the read models that handle the caller's last write's events have
 * processed it; a stuck read model delays only the callers whose writes it handles.
 */
@Component
public class ConsistencyGate {

    private final ConsistencyMarkers markers;
    private final ReadSideProgress progress;
    private final Duration bound;

    public ConsistencyGate(ConsistencyMarkers markers, ReadSideProgress progress,
                           @Value("${plaza.consistency.bound:PT5S}") Duration bound) {
        this.markers = markers;
        this.progress = progress;
        this.bound = bound;
    }

    /** @return false when the bound passed first and the answer may be stale */
    public boolean awaitCaller(UUID actor) {
        Optional<ConsistencyMarkers.Marker> marker = markers.markerOf(actor);
        return marker.isEmpty() || await(marker.get().position(), progress.processorsHandling(marker.get().payloadTypes()));
    }

    /** Waits for every read model: for a position whose events are not known. */
    public boolean awaitPosition(long position) {
        return await(position, progress.processorsHandling(null));
    }

    private boolean await(long position, Set<String> processors) {
        long deadline = System.nanoTime() + bound.toNanos();
        long pause = 200_000; // 0.2 ms, doubling to 5 ms: most writes are visible within a few ms
        while (!progress.hasProcessed(position, processors)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            LockSupport.parkNanos(pause);
            pause = Math.min(pause * 2, 5_000_000);
        }
        return true;
    }
}
