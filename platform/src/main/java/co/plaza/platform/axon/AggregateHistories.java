package co.plaza.platform.axon;

import co.plaza.common.api.Secret;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.config.AggregateConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An aggregate's history read back from the event store, for audit: its events one page at a time, and its state
 * as it was at an instant, rebuilt by Axon's own aggregate model from the events up to then (snapshots are never
 * read, so a state is exactly what the events say). Payloads and state are rendered as snake_case JSON without
 * {@link Secret} values. Knows no domain: callers name the aggregate class.
 */
@Component
public class AggregateHistories {

    /** One stored event: {@code type} is its stored name ({@code identity.UserRegistered}). */
    public record Event(long sequence, String eventId, String type, Instant timestamp, JsonNode payload,
                        Map<String, Object> metaData) {
    }

    /** The aggregate after its events up to {@code timestamp} (the last one applied), at {@code version}. */
    public record State(long version, Instant timestamp, ObjectNode state) {
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .setAnnotationIntrospector(new JacksonAnnotationIntrospector() {
                @Override
                public boolean hasIgnoreMarker(AnnotatedMember member) {
                    return member.hasAnnotation(Secret.class) || super.hasIgnoreMarker(member);
                }
            });

    private final EventStore eventStore;
    private final ObjectProvider<org.axonframework.config.Configuration> axon;
    private final Map<Class<?>, AggregateModel<?>> models = new ConcurrentHashMap<>();

    public AggregateHistories(EventStore eventStore, ObjectProvider<org.axonframework.config.Configuration> axon) {
        this.eventStore = eventStore;
        this.axon = axon;
    }

    /** The aggregate classes this deployable's Axon configuration knows. */
    public List<Class<?>> aggregateTypes() {
        List<Class<?>> types = new ArrayList<>();
        for (AggregateConfiguration<?> aggregate : aggregates()) {
            types.add(aggregate.aggregateType());
        }
        return types;
    }

    /** Whether {@code id} has events, and they are of an aggregate of {@code type}. */
    public boolean exists(Class<?> type, UUID id) {
        return count(type, id) > 0;
    }

    /** How many events the aggregate has; 0 when it has none or is of another type. */
    public long count(Class<?> type, UUID id) {
        DomainEventStream first = eventStore.readEvents(id.toString(), 0);
        if (!first.hasNext() || !model(type).type().equals(first.peek().getType())) {
            return 0;
        }
        return eventStore.lastSequenceNumberFor(id.toString()).map(last -> last + 1).orElse(0L);
    }

    /** At most {@code limit} events from the {@code offset}-th (sequence numbers run from 0 without gaps). */
    public List<Event> events(Class<?> type, UUID id, long offset, int limit) {
        if (count(type, id) == 0) {
            return List.of();
        }
        DomainEventStream stream = eventStore.readEvents(id.toString(), offset);
        List<Event> events = new ArrayList<>();
        while (events.size() < limit && stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            events.add(new Event(message.getSequenceNumber(), message.getIdentifier(),
                    StoredTypeNames.scan().nameOf(message.getPayloadType()), message.getTimestamp(),
                    JSON.valueToTree(message.getPayload()), new TreeMap<>(message.getMetaData())));
        }
        return events;
    }

    /** The state after every event with a timestamp at or before {@code at}; empty when there is none. */
    public <T> Optional<State> stateAt(Class<T> type, UUID id, Instant at) {
        AggregateModel<T> model = model(type);
        DomainEventStream stream = eventStore.readEvents(id.toString(), 0);
        List<DomainEventMessage<?>> upTo = new ArrayList<>();
        // sequence order: a state is always a prefix of the history
        while (stream.hasNext() && !stream.peek().getTimestamp().isAfter(at)) {
            DomainEventMessage<?> next = stream.next();
            if (!model.type().equals(next.getType())) {
                return Optional.empty();
            }
            upTo.add(next);
        }
        if (upTo.isEmpty()) {
            return Optional.empty();
        }
        try {
            T root = configuration(type).aggregateFactory().createAggregateRoot(id.toString(), upTo.get(0));
            EventSourcedAggregate<T> aggregate = EventSourcedAggregate.initialize(root, model, null,
                    NoSnapshotTriggerDefinition.TRIGGER);
            aggregate.initializeState(DomainEventStream.of(upTo));
            DomainEventMessage<?> last = upTo.get(upTo.size() - 1);
            return Optional.of(new State(aggregate.version(), last.getTimestamp(), render(aggregate.getAggregateRoot())));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot rebuild " + type.getSimpleName() + " " + id, e);
        }
    }

    /** The root's own fields (whatever its Jackson settings), each value as JSON; {@link Secret} fields left out. */
    private static ObjectNode render(Object root) throws IllegalAccessException {
        ObjectNode json = JSON.createObjectNode();
        List<Class<?>> hierarchy = new ArrayList<>();
        for (Class<?> c = root.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            hierarchy.add(0, c);
        }
        for (Class<?> c : hierarchy) {
            for (Field field : c.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers) || field.isSynthetic()
                        || field.isAnnotationPresent(Secret.class)) {
                    continue;
                }
                field.setAccessible(true);
                String name = PropertyNamingStrategies.SnakeCaseStrategy.INSTANCE.translate(field.getName());
                json.set(name, JSON.valueToTree(field.get(root)));
            }
        }
        return json;
    }

    @SuppressWarnings("unchecked")
    private <T> AggregateModel<T> model(Class<T> type) {
        return (AggregateModel<T>) models.computeIfAbsent(type, t -> {
            org.axonframework.config.Configuration configuration = axon.getObject();
            configuration(t); // only aggregates of this deployable
            return AnnotatedAggregateMetaModelFactory.inspectAggregate(t, configuration.parameterResolverFactory(),
                    configuration.handlerDefinition(t));
        });
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private List<AggregateConfiguration<?>> aggregates() {
        return (List) axon.getObject().findModules(AggregateConfiguration.class);
    }

    @SuppressWarnings("unchecked")
    private <T> AggregateConfiguration<T> configuration(Class<T> type) {
        return (AggregateConfiguration<T>) aggregates().stream().filter(a -> a.aggregateType().equals(type)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(type.getName() + " is not an aggregate of this deployable"));
    }
}
