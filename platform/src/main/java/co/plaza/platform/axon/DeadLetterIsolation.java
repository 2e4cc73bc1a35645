package co.plaza.platform.axon;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.ErrorHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * How a projection's processor gets past an event it cannot handle without stopping (ADR 0015).
 * <p>
 * Axon 4.13's dead-lettering invoker enqueues a failed event in the batch's own transaction, and a tracking
 * processor never splits a failed batch: after a PostgreSQL error that transaction is aborted, the enqueue fails with
 * it, and the processor retried the same batch every 60 s for ever. Here instead:
 * <ol>
 * <li>any handler failure of a live event fails its batch ({@link #policy()}), which rolls back whole;</li>
 * <li>the processor's error handler ({@link #errorHandler}) then handles the batch's events again, in halves and
 * halves of halves, each part in a unit of work and transaction of its own with the processor's interceptors (its
 * token included), until it has the events that fail alone;</li>
 * <li>an event that fails alone, in a handler or when its unit of work commits (an Elasticsearch bulk item refused),
 * has had its changes rolled back; it is parked with its cause and its token in a new transaction, and the next
 * event goes on. Later events of its aggregate are parked behind it by Axon's sequenced queue.</li>
 * </ol>
 * A failure that would go away by itself ({@link EventFailures#isTransient}) parks nothing: the processor waits and
 * retries as before, from the last event handled.
 */
public final class DeadLetterIsolation {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterIsolation.class);

    private DeadLetterIsolation() {
    }

    /** Why a live event's batch is failed instead of enqueueing into its (possibly aborted) transaction. */
    static final class HandlerFailed extends RuntimeException {
        HandlerFailed(Throwable cause) {
            super(cause.toString(), cause, false, false);
        }
    }

    /**
     * A live event that failed fails its batch; a stored dead letter that fails again when retried is requeued with
     * its new cause.
     */
    public static EnqueuePolicy<EventMessage<?>> policy() {
        return (letter, cause) -> {
            if (letter instanceof JdbcDeadLetter<?>) {
                return Decisions.requeue(cause(cause));
            }
            throw new HandlerFailed(cause);
        };
    }

    public static ErrorHandler errorHandler(String processor, Supplier<EventProcessingConfiguration> processing,
                                            TransactionManager transactions) {
        return context -> {
            Throwable error = unwrap(context.error());
            EventProcessingConfiguration config = processing.get();
            Optional<TrackingEventProcessor> found = config.eventProcessor(processor, TrackingEventProcessor.class);
            Optional<SequencedDeadLetterQueue<EventMessage<?>>> queue = config.deadLetterQueue(processor);
            List<TrackedEventMessage<?>> events = new ArrayList<>();
            context.failedEvents().forEach(e -> events.add(e instanceof TrackedEventMessage<?> t ? t : null));
            if (EventFailures.isTransient(error) || found.isEmpty() || queue.isEmpty() || events.contains(null)) {
                throw rethrow(error);
            }
            SequencingPolicy<? super EventMessage<?>> sequencing = config.sequencingPolicy(processor);
            Optional<Segment> segment = segmentOf(found.get(), sequence(sequencing, events.get(0)));
            if (segment.isEmpty()) {
                throw rethrow(error);
            }
            log.warn("{}: a batch of {} events failed ({}); splitting it to park only what fails alone", processor,
                    events.size(), error.toString());
            new Retry(found.get(), segment.get(), queue.get(), sequencing, config.tokenStore(processor), transactions)
                    .split(events);
        };
    }

    private static Object sequence(SequencingPolicy<? super EventMessage<?>> sequencing, EventMessage<?> event) {
        return Objects.requireNonNullElseGet(sequencing.getSequenceIdentifierFor(event), event::getIdentifier);
    }

    /**
     * A failed batch, handled again in halves (each half in a unit of work of its own, in order) until the events
     * that fail alone are found: a few units of work for one bad event in a batch of 100, not 100 (a search projection
     * waits for its index's refresh at each commit).
     */
    private record Retry(TrackingEventProcessor processor, Segment segment, SequencedDeadLetterQueue<EventMessage<?>> queue,
                         SequencingPolicy<? super EventMessage<?>> sequencing, TokenStore tokens,
                         TransactionManager transactions) {

        /** Handles a part of the batch that failed as a whole. */
        void split(List<TrackedEventMessage<?>> failed) {
            if (failed.size() == 1) {
                Throwable cause = unwrap(handleTogether(failed));
                if (cause != null) {
                    park(failed.get(0), cause);
                }
                return;
            }
            int half = failed.size() / 2;
            for (List<TrackedEventMessage<?>> part : List.of(failed.subList(0, half), failed.subList(half, failed.size()))) {
                Throwable cause = unwrap(handleTogether(part));
                if (cause != null && EventFailures.isTransient(cause)) {
                    throw rethrow(cause);
                }
                if (cause != null) {
                    split(part);
                }
            }
        }

        /** Parks an event that fails alone, unless its failure would go away by itself (then the processor waits). */
        private void park(TrackedEventMessage<?> event, Throwable cause) {
            if (EventFailures.isTransient(cause)) {
                throw rethrow(cause);
            }
            Object sequence = sequence(sequencing, event);
            log.error("{}: event {} ({}, {}) cannot be handled and is parked in the dead-letter queue", processor.getName(),
                    event.getIdentifier(), event.getPayloadType().getSimpleName(), sequence, cause);
            transactions.executeInTransaction(() -> {
                Instant now = GenericDeadLetter.clock.instant();
                queue.enqueue(sequence, new GenericDeadLetter<>(sequence, event, cause(cause), now, now, MetaData.emptyInstance()));
                tokens.storeToken(event.trackingToken(), processor.getName(), segment.getSegmentId());
            });
        }

        /** The events in a unit of work and transaction of their own, as the processor handles a batch; the failure if any. */
        private Throwable handleTogether(List<TrackedEventMessage<?>> events) {
            BatchingUnitOfWork<TrackedEventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(events);
            unitOfWork.attachTransaction(transactions);
            // the keys by which the processor's own interceptor stores the token in the unit of work
            unitOfWork.resources().put("Processor[" + processor.getName() + "]/SegmentId", segment.getSegmentId());
            unitOfWork.resources().put("Processor[" + processor.getName() + "]/Token", events.get(events.size() - 1).trackingToken());
            ResultMessage<?> result = unitOfWork.executeWithResult(() -> new DefaultInterceptorChain<>(unitOfWork,
                    processor.getHandlerInterceptors(), message -> {
                        processor.eventHandlerInvoker().handle(message, segment);
                        return null;
                    }).proceed(), RollbackConfigurationType.ANY_THROWABLE);
            return result.isExceptional() ? result.exceptionResult() : null;
        }
    }

    /** The segment of this processor's that the event belongs to (the one segment, unless configured otherwise). */
    private static Optional<Segment> segmentOf(StreamingEventProcessor processor, Object sequence) {
        return processor.processingStatus().values().stream().map(EventTrackerStatus::getSegment)
                .filter(s -> s.matches(Objects.hashCode(sequence))).findFirst();
    }

    /** The handler's own failure (null for none). */
    private static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while (t instanceof HandlerFailed && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** The cause as dead_letter_entry can store it: at most 1023 characters, and no NUL, which PostgreSQL refuses. */
    static ThrowableCause cause(Throwable failure) {
        Throwable t = unwrap(failure);
        String message = String.valueOf(t.getMessage()).replace('\u0000', '\uFFFD');
        if (message.length() > ThrowableCause.TRUNCATED_MESSAGE_SIZE) {
            message = message.substring(0, ThrowableCause.TRUNCATED_MESSAGE_SIZE);
        }
        return new ThrowableCause(t.getClass().getName(), message);
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException(t);
    }
}
