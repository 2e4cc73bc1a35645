package co.plaza.common.api;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * One domain's declaration that owners (users) own aggregates of one kind: which of its events make who the owners
 * of an aggregate, which end that, and the command that removes the aggregate when an owner is removed
 * ({@link OwnerRemoved}). A domain plugs in with one subclass per kind in its {@code api} package, with a public
 * no-argument constructor that declares everything; the platform's ownership registry finds every subclass on the
 * class path and keeps who owns what in the owning command's own transaction (docs/adr/0011).
 */
public abstract class Ownership {

    /** What one event says about the ownership of one aggregate: its owners from now on (none when removed). */
    public record Change(UUID aggregateId, Set<UUID> owners, boolean removed) {
    }

    private record Rule<E>(Class<E> event, Function<E, Change> change) {
        Optional<Change> of(Object e) {
            return event.isInstance(e) ? Optional.ofNullable(change.apply(event.cast(e))) : Optional.empty();
        }
    }

    private final String kind;
    private final Function<UUID, Object> removal;
    private final List<Rule<?>> rules = new ArrayList<>();

    /**
     * @param kind    stored with every ownership: {@code <domain>.<Aggregate>}, never changed once written
     * @param removal the command that removes the aggregate of that id; sent by the system actor
     *                ({@code actor_kind: system}), more than once if need be, so an aggregate already gone must answer not-found or nothing
     */
    protected Ownership(String kind, Function<UUID, Object> removal) {
        this.kind = Objects.requireNonNull(kind);
        this.removal = Objects.requireNonNull(removal);
    }

    /** The event makes {@code owner} the only owner of the aggregate; a null owner means it has none (any more). */
    protected <E> void ownedBy(Class<E> event, Function<E, UUID> aggregateId, Function<E, UUID> owner) {
        ownedByAll(event, aggregateId, e -> {
            UUID o = owner.apply(e);
            return o == null ? Set.of() : Set.of(o);
        });
    }

    /** The event makes these the owners of the aggregate (a follow belongs to the follower and the followed). */
    protected <E> void ownedByAll(Class<E> event, Function<E, UUID> aggregateId, Function<E, Collection<UUID>> owners) {
        rules.add(new Rule<>(event, e -> new Change(aggregateId.apply(e), Set.copyOf(owners.apply(e)), false)));
    }

    /** The event removes the aggregate: nobody owns it and nothing is left to remove. */
    protected <E> void removedBy(Class<E> event, Function<E, UUID> aggregateId) {
        rules.add(new Rule<>(event, e -> new Change(aggregateId.apply(e), Set.of(), true)));
    }

    public final String kind() {
        return kind;
    }

    public final Object removalCommand(UUID aggregateId) {
        return removal.apply(aggregateId);
    }

    /** What this event changes about an aggregate of this kind; empty for an event this declaration does not name. */
    public final Optional<Change> changeOf(Object event) {
        for (Rule<?> rule : rules) {
            Optional<Change> change = rule.of(event);
            if (change.isPresent()) {
                return change;
            }
        }
        return Optional.empty();
    }

    /** Whether this declaration names events of this type at all (looked up once per type). */
    public final boolean names(Class<?> eventType) {
        return rules.stream().anyMatch(r -> r.event().isAssignableFrom(eventType));
    }
}
