package co.plaza.platform.test;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Delivers events to event handlers the way a tracking processor does: as tracked domain events (global position,
 * aggregate sequence number, timestamp, metadata) in one batch, one unit of work and one database transaction, so
 * what a projection defers to the batch's commit (its Elasticsearch bulk write) happens as in production.
 */
public class EventFeed {

    /** One event of a batch: what happened to which aggregate, and when. */
    public record Event(String aggregateId, Object payload, Instant at, MetaData metaData) {
        public static Event of(Object aggregateId, Object payload) {
            return new Event(aggregateId.toString(), payload, Instant.now(), MetaData.emptyInstance());
        }

        public Event at(Instant when) {
            return new Event(aggregateId, payload, when, metaData);
        }

        public Event by(UUID actor) {
            return new Event(aggregateId, payload, at, metaData.and("actor_id", actor.toString()));
        }
    }

    private final SpringTransactionManager transactions;
    private final AtomicLong position = new AtomicLong();
    private final Map<String, AtomicLong> sequences = new ConcurrentHashMap<>();

    public EventFeed(PlatformTransactionManager transactions) {
        this.transactions = new SpringTransactionManager(transactions);
    }

    /** The global position the next event gets (positions start at 1 and only grow, as in the event store). */
    public long nextPosition() {
        return position.get() + 1;
    }

    /** Hands the events, in order, to every handler (several projections see one batch, each in its own). */
    public void deliver(List<Event> events, Object... handlers) {
        List<TrackedEventMessage<?>> messages = new ArrayList<>();
        for (Event e : events) {
            long sequence = sequences.computeIfAbsent(e.aggregateId(), k -> new AtomicLong(-1)).incrementAndGet();
            GenericDomainEventMessage<Object> message = new GenericDomainEventMessage<>("Component", e.aggregateId(),
                    sequence, e.payload(), e.metaData(), UUID.randomUUID().toString(), e.at());
            messages.add(new GenericTrackedDomainEventMessage<>(
                    new GlobalSequenceTrackingToken(position.incrementAndGet()), message));
        }
        for (Object handler : handlers) {
            AnnotationEventHandlerAdapter adapter = new AnnotationEventHandlerAdapter(handler);
            BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(new ArrayList<>(messages));
            batch.attachTransaction(transactions);
            var result = batch.executeWithResult(() -> {
                EventMessage<?> message = batch.getMessage();
                return adapter.canHandle(message) ? adapter.handle(message) : null;
            });
            if (result.isExceptional()) {
                throw new IllegalStateException("a handler of " + handler.getClass().getSimpleName() + " failed",
                        result.exceptionResult());
            }
        }
    }

    public void deliver(Object handler, Event... events) {
        deliver(List.of(events), handler);
    }
}
