package co.plaza.platform.consistency;

import co.plaza.platform.web.RequestMetadata;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;

import java.util.UUID;

/**
 * Remembers, per command, the last event it produced and stores it as the actor's marker in the same
 * transaction as the events. Commands without an actor (imports, anonymous acts) leave no marker.
 */
@Configuration
public class ConsistencyRecording {

    private static final String LAST_EVENT = "plaza.lastEventIdentifier";

    @Autowired
    public void register(CommandBus commandBus, EventBus eventBus, ConsistencyMarkers markers,
                         @Value("${axon.axonserver.enabled:false}") boolean axonServer) {
        eventBus.registerDispatchInterceptor(messages -> (index, event) -> {
            CurrentUnitOfWork.ifStarted(uow -> uow.root().resources().put(LAST_EVENT, event.getIdentifier()));
            return event;
        });
        commandBus.registerHandlerInterceptor((unitOfWork, chain) -> {
            Object actor = unitOfWork.getMessage().getMetaData().get(RequestMetadata.ACTOR_ID);
            if (actor != null && unitOfWork.isRoot()) {
                UUID actorId = UUID.fromString(actor.toString());
                unitOfWork.onPrepareCommit(u -> {
                    String eventId = (String) u.resources().get(LAST_EVENT);
                    if (eventId != null) {
                        markers.recordEvent(actorId, eventId);
                    }
                });
                if (axonServer) {
                    unitOfWork.afterCommit(u -> recordHead(u, actorId, markers, (EventStore) eventBus));
                }
            }
            return chain.proceed();
        });
    }

    private static void recordHead(UnitOfWork<?> uow, UUID actor, ConsistencyMarkers markers, EventStore store) {
        String eventId = (String) uow.resources().get(LAST_EVENT);
        if (eventId != null) {
            store.createHeadToken().position().ifPresent(p -> markers.recordPosition(actor, eventId, p));
        }
    }
}
