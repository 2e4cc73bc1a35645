package co.plaza.platform.consistency;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/** Whether every read-model processor running in this JVM has handled the event at a global position. */
@Component
public class ReadSideProgress {

    /** Processing groups that build read models are named {@code <model>-projection}; sagas and policies are not waited for. */
    public static final String READ_MODEL_SUFFIX = "-projection";

    private final ObjectProvider<EventProcessingConfiguration> processing;

    public ReadSideProgress(ObjectProvider<EventProcessingConfiguration> processing) {
        this.processing = processing;
    }

    public List<StreamingEventProcessor> readModelProcessors() {
        EventProcessingConfiguration config = processing.getIfAvailable();
        if (config == null) {
            return List.of();
        }
        return config.eventProcessors().values().stream()
                .filter(p -> p instanceof StreamingEventProcessor)
                .filter(p -> p.getName().endsWith(READ_MODEL_SUFFIX))
                .map(p -> (StreamingEventProcessor) p)
                .toList();
    }

    public boolean hasProcessed(long position) {
        for (StreamingEventProcessor processor : readModelProcessors()) {
            Map<Integer, EventTrackerStatus> status = processor.processingStatus();
            if (status.isEmpty()) {
                return false;
            }
            for (EventTrackerStatus segment : status.values()) {
                if (segment.isErrorState() || !covers(segment.getTrackingToken(), position)) {
                    return false;
                }
            }
        }
        return true;
    }

    static boolean covers(TrackingToken token, long position) {
        if (token == null) {
            return false;
        }
        TrackingToken current = token instanceof ReplayToken replay ? replay.getCurrentToken() : token;
        if (current == null || current.position().orElse(-1) < position) {
            return false;
        }
        return !(current instanceof GapAwareTrackingToken gapAware) || !gapAware.getGaps().contains(position);
    }
}
