package co.plaza.platform.axon;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.stereotype.Component;

/**
 * Rebuilds a read model in place from the start of the event store. Only a declared {@link Projection} may be
 * replayed: a policy or saga would send its commands again.
 */
@Component
public class ProjectionReplays {

    private final EventProcessingConfiguration processing;
    private final ProcessorDeclarations declarations;

    public ProjectionReplays(EventProcessingConfiguration processing, ProcessorDeclarations declarations) {
        this.processing = processing;
        this.declarations = declarations;
    }

    /** Stops the projection's processor, resets its tokens to the start and starts it again (Axon's ReplayToken). */
    public void replay(String projection) {
        if (!declarations.isProjection(projection)) {
            throw new IllegalArgumentException(projection + " is not a declared @Projection and cannot be replayed");
        }
        StreamingEventProcessor processor = processing.eventProcessor(projection, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException(projection + " does not run in this deployable"));
        processor.shutDown();
        processor.resetTokens();
        processor.start();
    }
}
