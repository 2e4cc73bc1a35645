package co.plaza.platform.consistency;

import co.plaza.platform.context.Caller;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Stores, for a command with an actor, the last event it produced as the actor's marker, with the payload types
 * of all the events it produced (so the actor's next read waits only for the read models that handle them). The
 * event bus intercepts a command's events while it appends them, inside the command's transaction, so the
 * marker commits with the events.
 */
@Configuration
public class ConsistencyRecording {

    private static final String PAYLOAD_TYPES = ConsistencyRecording.class.getName() + ".payloadTypes";

    @Autowired
    public void register(EventBus eventBus, ConsistencyMarkers markers,
                         @Value("${axon.axonserver.enabled:false}") boolean axonServer) {
        eventBus.registerDispatchInterceptor(messages -> {
            record(messages, markers, axonServer ? (EventStore) eventBus : null);
            return (index, event) -> event;
        });
    }

    private static void record(List<? extends EventMessage<?>> events, ConsistencyMarkers markers, EventStore axonServer) {
        if (events.isEmpty() || !CurrentUnitOfWork.isStarted()) {
            return;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        if (!(root.getMessage() instanceof CommandMessage<?>)) {
            return;
        }
        EventMessage<?> last = events.get(events.size() - 1);
        Object actor = last.getMetaData().get(Caller.ACTOR_ID);
        if (actor == null) {
            return;
        }
        UUID actorId = UUID.fromString(actor.toString());
        // events of one command reach the bus one publish at a time: the types so far travel with the command
        Set<String> types = root.getOrComputeResource(PAYLOAD_TYPES, k -> new LinkedHashSet<>());
        events.forEach(e -> types.add(e.getPayloadType().getName()));
        markers.recordEvent(actorId, last.getIdentifier(), types);
        if (axonServer != null) {
            // Axon Server has no event table to look the event up in: keep the head position once committed
            root.afterCommit(u -> axonServer.createHeadToken().position()
                    .ifPresent(p -> markers.recordPosition(actorId, last.getIdentifier(), p)));
        }
    }
}
