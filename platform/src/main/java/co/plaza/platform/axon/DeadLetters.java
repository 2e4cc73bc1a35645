package co.plaza.platform.axon;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What each projection has parked in its dead-letter queue (ADR 0015): counts for {@code GET /health/} and the
 * {@code plaza.processor.dead_letters} gauge, and the letters themselves for {@code GET /api/admin/projections/}.
 */
@Component
public class DeadLetters {

    /** One parked event; {@code causeType} is null for an event parked only because an earlier one of its aggregate is. */
    public record Letter(String eventIdentifier, String eventType, String aggregateIdentifier, Long sequenceNumber,
                         String causeType, String causeMessage, Instant enqueuedAt) {
    }

    private final ObjectProvider<EventProcessingConfiguration> processing;

    public DeadLetters(ObjectProvider<EventProcessingConfiguration> processing) {
        this.processing = processing;
    }

    private Optional<SequencedDeadLetterQueue<EventMessage<?>>> queue(String processor) {
        EventProcessingConfiguration config = processing.getIfAvailable();
        return config == null ? Optional.empty() : config.deadLetterQueue(processor);
    }

    /** How many events the processor has parked; empty when it has no dead-letter queue (a policy). */
    public Optional<Long> count(String processor) {
        return queue(processor).map(SequencedDeadLetterQueue::size);
    }

    /** How many aggregates (sequences) have parked events: each is held back from its first failed event on. */
    public Optional<Long> sequences(String processor) {
        return queue(processor).map(SequencedDeadLetterQueue::amountOfSequences);
    }

    /** Up to {@code limit} parked events, each sequence's in order. */
    public List<Letter> letters(String processor, int limit) {
        List<Letter> letters = new ArrayList<>();
        Optional<SequencedDeadLetterQueue<EventMessage<?>>> queue = queue(processor);
        if (queue.isEmpty()) {
            return letters;
        }
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.get().deadLetters()) {
            for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                if (letters.size() >= limit) {
                    return letters;
                }
                letters.add(letter(letter));
            }
        }
        return letters;
    }

    private static Letter letter(DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> message = letter.message();
        DomainEventMessage<?> domain = message instanceof DomainEventMessage<?> d ? d : null;
        Optional<Cause> cause = letter.cause();
        return new Letter(message.getIdentifier(), StoredTypeNames.scan().nameOf(message.getPayloadType()),
                domain == null ? null : domain.getAggregateIdentifier(), domain == null ? null : domain.getSequenceNumber(),
                cause.map(Cause::type).orElse(null), cause.map(Cause::message).orElse(null), letter.enqueuedAt());
    }
}
