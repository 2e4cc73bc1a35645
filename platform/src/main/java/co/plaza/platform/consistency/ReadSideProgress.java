package co.plaza.platform.consistency;

import co.plaza.platform.axon.TokenPositions;
import co.plaza.platform.axon.ProcessorDeclarations;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Whether the read-model processors ({@code @Projection}s) running in this JVM have handled the event at a
 * global position; policies and sagas are never waited for.
 */
@Component
public class ReadSideProgress {

    private final ObjectProvider<EventProcessingConfiguration> processing;
    private final ProcessorDeclarations declarations;
    private final ConcurrentMap<Set<String>, Set<String>> handling = new ConcurrentHashMap<>();

    public ReadSideProgress(ObjectProvider<EventProcessingConfiguration> processing, ProcessorDeclarations declarations) {
        this.processing = processing;
        this.declarations = declarations;
    }

    public List<StreamingEventProcessor> readModelProcessors() {
        EventProcessingConfiguration config = processing.getIfAvailable();
        if (config == null) {
            return List.of();
        }
        return config.eventProcessors().values().stream()
                .filter(p -> p instanceof StreamingEventProcessor)
                .filter(p -> declarations.isProjection(p.getName()))
                .map(p -> (StreamingEventProcessor) p)
                .toList();
    }

    /**
     * The read-model processors of this JVM that handle any of these payload types (class names), asked of
     * each processor's handlers; all of them when the types are unknown (null) or one cannot be loaded here.
     */
    public Set<String> processorsHandling(Set<String> payloadTypes) {
        if (payloadTypes == null) {
            return allNames();
        }
        Set<String> known = handling.get(payloadTypes);
        if (known != null) {
            return known;
        }
        List<StreamingEventProcessor> processors = readModelProcessors();
        Set<String> names = new LinkedHashSet<>();
        for (StreamingEventProcessor processor : processors) {
            if (payloadTypes.stream().anyMatch(type -> handles(processor, type))) {
                names.add(processor.getName());
            }
        }
        if (!processors.isEmpty()) {
            // the processors are fixed once Axon has started: one answer per set of types
            handling.put(payloadTypes, Set.copyOf(names));
        }
        return names;
    }

    private static boolean handles(EventProcessor processor, String typeName) {
        if (!(processor instanceof AbstractEventProcessor handlers)) {
            return true;
        }
        try {
            return handlers.eventHandlerInvoker().canHandleType(ClassUtils.forName(typeName, ReadSideProgress.class.getClassLoader()));
        } catch (ClassNotFoundException | LinkageError e) {
            return true; // a type this JVM does not know: wait rather than guess
        }
    }

    private Set<String> allNames() {
        Set<String> names = new LinkedHashSet<>();
        readModelProcessors().forEach(p -> names.add(p.getName()));
        return names;
    }

    /** Whether every read-model processor has handled the event at this position. */
    public boolean hasProcessed(long position) {
        return hasProcessed(position, allNames());
    }

    /** Whether these read-model processors have handled the event at this position. */
    public boolean hasProcessed(long position, Set<String> processors) {
        for (StreamingEventProcessor processor : readModelProcessors()) {
            if (!processors.contains(processor.getName())) {
                continue;
            }
            Map<Integer, EventTrackerStatus> status = processor.processingStatus();
            if (status.isEmpty()) {
                return false;
            }
            for (EventTrackerStatus segment : status.values()) {
                if (segment.isErrorState() || !TokenPositions.covers(segment.getTrackingToken(), position)) {
                    return false;
                }
            }
        }
        return true;
    }
}
