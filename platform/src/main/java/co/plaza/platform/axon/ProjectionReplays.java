package co.plaza.platform.axon;

import co.plaza.platform.errors.DomainException;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rebuilds a read model in place from the start of the event store. Only a declared {@link Projection} may be
 * replayed: a policy or saga would send its commands again. The projection's {@code @ResetHandler} runs first (the
 * PostgreSQL read models truncate their tables, so until the replay has passed an object it reads as absent); a
 * projection without one (the search projections) keeps every row and document and rewrites them in place, which
 * changes nothing since its writes only move forward. One replay at a time per projection, per JVM.
 */
@Component
public class ProjectionReplays {

    private final EventProcessingConfiguration processing;
    private final ProcessorDeclarations declarations;
    private final Set<String> starting = ConcurrentHashMap.newKeySet();

    public ProjectionReplays(EventProcessingConfiguration processing, ProcessorDeclarations declarations) {
        this.processing = processing;
        this.declarations = declarations;
    }

    /**
     * Stops the projection's processor, resets its tokens to the start and starts it again (Axon's ReplayToken).
     *
     * @throws DomainException a conflict while a replay of it has not yet reached the point it was started at
     */
    public synchronized void replay(String projection) {
        if (!declarations.isProjection(projection)) {
            throw new IllegalArgumentException(projection + " is not a declared @Projection and cannot be replayed");
        }
        StreamingEventProcessor processor = processing.eventProcessor(projection, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException(projection + " does not run in this deployable"));
        if (isReplaying(projection, processor)) {
            throw DomainException.conflict("error.conflict");
        }
        processor.shutDown();
        processor.resetTokens();
        starting.add(projection);
        processor.start();
    }

    /** Whether a replay of the projection is still before the position it was started at. */
    public boolean isReplaying(String projection) {
        return processing.eventProcessor(projection, StreamingEventProcessor.class)
                .map(p -> isReplaying(projection, p)).orElse(false);
    }

    // Axon's own replay flag stays up until an event after the reset point arrives, however long that takes
    private boolean isReplaying(String projection, StreamingEventProcessor processor) {
        Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
        if (segments.isEmpty()) {
            // started, but its segments are not claimed yet
            return processor.isRunning() && starting.contains(projection);
        }
        starting.remove(projection);
        for (EventTrackerStatus status : segments.values()) {
            // the status unwraps the ReplayToken; its reset position is where the replay ends
            if (status.isReplaying() && status.getResetPosition().isPresent()
                    && status.getCurrentPosition().orElse(-1) < status.getResetPosition().getAsLong()) {
                return true;
            }
        }
        return false;
    }
}
