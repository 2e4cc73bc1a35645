package co.plaza.platform.axon;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where each declared processor of this JVM stands: running, stopped, replaying or in error, its position and
 * how far behind the head of the event store it is, in events and in seconds. Read by {@code GET /health/}
 * and the lag gauges of {@link ProjectionLagMetrics}.
 */
@Component
public class ProcessorStates {

    /** One processor; {@code lagSeconds} is the age of the oldest event it has not handled, 0 when caught up. */
    public record State(String name, String mode, String status, long position, long lagEvents, double lagSeconds,
                        String error) {
    }

    private static final long HEAD_CACHE_NANOS = 500_000_000L;

    private final ObjectProvider<EventProcessingConfiguration> processing;
    private final ObjectProvider<EventStore> eventStore;
    private final ProcessorDeclarations declarations;
    private volatile long head = -1;
    private volatile long headReadAt;

    public ProcessorStates(ObjectProvider<EventProcessingConfiguration> processing, ObjectProvider<EventStore> eventStore,
                           ProcessorDeclarations declarations) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.declarations = declarations;
    }

    public Map<String, State> states() {
        Map<String, State> states = new LinkedHashMap<>();
        for (ProcessorDeclarations.Declaration declaration : declarations.all()) {
            state(declaration.name()).ifPresent(s -> states.put(s.name(), s));
        }
        return states;
    }

    public Optional<State> state(String name) {
        EventProcessingConfiguration config = processing.getIfAvailable();
        if (config == null) {
            return Optional.empty();
        }
        Optional<EventProcessor> found = config.eventProcessor(name);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        EventProcessor processor = found.get();
        if (!(processor instanceof StreamingEventProcessor streaming)) {
            return Optional.of(new State(name, "subscribing", processor.isRunning() ? "running" : "stopped", -1, 0, 0, null));
        }
        Map<Integer, EventTrackerStatus> segments = streaming.processingStatus();
        String error = segments.values().stream().filter(EventTrackerStatus::isErrorState).findFirst()
                .map(s -> s.getError() == null ? "error" : s.getError().getClass().getSimpleName() + ": " + s.getError().getMessage())
                .orElse(null);
        String status = error != null ? "error"
                : !processor.isRunning() || segments.isEmpty() ? "stopped"
                : streaming.isReplaying() ? "replaying" : "running";
        if (segments.isEmpty()) {
            return Optional.of(new State(name, "tracking", status, -1, -1, -1, error));
        }
        TrackingToken slowest = null;
        long position = Long.MAX_VALUE;
        for (EventTrackerStatus segment : segments.values()) {
            long handled = TokenPositions.of(segment.getTrackingToken());
            if (handled < position) {
                position = handled;
                slowest = TokenPositions.current(segment.getTrackingToken());
            }
        }
        long lagEvents = Math.max(0, head() - position);
        return Optional.of(new State(name, "tracking", status, position, lagEvents, lagSeconds(slowest, lagEvents), error));
    }

    /** The age of the oldest event the processor has not handled yet. */
    private double lagSeconds(TrackingToken slowest, long lagEvents) {
        if (lagEvents == 0) {
            return 0;
        }
        EventStore store = eventStore.getIfAvailable();
        if (store == null) {
            return -1;
        }
        try (BlockingStream<TrackedEventMessage<?>> stream = store.openStream(slowest)) {
            Optional<TrackedEventMessage<?>> next = stream.hasNextAvailable(200, java.util.concurrent.TimeUnit.MILLISECONDS) ? stream.peek() : Optional.empty();
            return next.map(e -> Math.max(0, Duration.between(e.getTimestamp(), Instant.now()).toMillis() / 1000.0)).orElse(0.0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /** The head of the event store, read at most twice a second whatever the number of processors and scrapes. */
    private long head() {
        long now = System.nanoTime();
        if (head < 0 || now - headReadAt > HEAD_CACHE_NANOS) {
            EventStore store = eventStore.getIfAvailable();
            TrackingToken token = store == null ? null : store.createHeadToken();
            head = TokenPositions.of(token);
            headReadAt = now;
        }
        return head;
    }
}
