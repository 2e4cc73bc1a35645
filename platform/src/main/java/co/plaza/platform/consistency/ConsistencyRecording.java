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

import java.util.List;
import java.util.UUID;

/**
 * Stores, for a command with an actor, the last event it produced as the actor's marker. The event bus
 * intercepts a command's events while it appends them, inside the command's transaction, so the marker
 * commits with the events.
 */
@Configuration
public class ConsistencyRecording {

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
        markers.recordEvent(actorId, last.getIdentifier());
        if (axonServer != null) {
            // Axon Server has no event table to look the event up in: keep the head position once committed
            root.afterCommit(u -> axonServer.createHeadToken().position()
                    .ifPresent(p -> markers.recordPosition(actorId, last.getIdentifier(), p)));
        }
    }
}
