package co.plaza.platform.ownership;

import co.plaza.common.api.OwnerRemoved;
import co.plaza.common.api.Ownership;
import co.plaza.platform.axon.Policy;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Keeps {@code owned_aggregate} as the domains' {@link Ownership} declarations say, in the transaction of the command
 * whose events change it (a subscribing processor whose failure fails the command): when the removal policy reads
 * an owner's aggregates, every one created before the owner's removal is there, projected or not.
 */
@Component
@Policy(name = OwnershipRegistry.GROUP, subscribing = true)
@DisallowReplay
public class OwnershipRegistry {

    static final String GROUP = "ownership-registry";

    private final JdbcTemplate jdbc;
    private final Map<String, Ownership> byKind;
    /** The declarations naming each event type, looked up once per type: most events name none. */
    private final ClassValue<List<Ownership>> naming;

    public OwnershipRegistry(JdbcTemplate jdbc, List<Ownership> declarations) {
        this.jdbc = jdbc;
        this.byKind = declarations.stream().collect(Collectors.toUnmodifiableMap(Ownership::kind, Function.identity()));
        this.naming = new ClassValue<>() {
            @Override
            protected List<Ownership> computeValue(Class<?> type) {
                return declarations.stream().filter(d -> d.names(type)).toList();
            }
        };
    }

    public Optional<Ownership> declaration(String kind) {
        return Optional.ofNullable(byKind.get(kind));
    }

    @EventHandler
    void on(Object event) {
        if (event instanceof OwnerRemoved removed) {
            lockOwner(removed.removedOwnerId());
            jdbc.update("INSERT INTO removed_owner (owner_id) VALUES (?) ON CONFLICT DO NOTHING",
                    removed.removedOwnerId());
        }
        for (Ownership declaration : naming.get(event.getClass())) {
            declaration.changeOf(event).ifPresent(change -> apply(declaration.kind(), change));
        }
    }

    private void apply(String kind, Ownership.Change change) {
        jdbc.update("DELETE FROM owned_aggregate WHERE kind = ? AND aggregate_id = ?", kind, change.aggregateId());
        if (change.removed()) {
            jdbc.update("DELETE FROM owned_removal WHERE kind = ? AND aggregate_id = ?", kind, change.aggregateId());
            return;
        }
        for (UUID owner : change.owners()) {
            // serialised with the owner's removal: either this row commits first and the policy finds it, or the
            // removal commits first and the row's aggregate is queued for removal here
            lockOwner(owner);
            jdbc.update("INSERT INTO owned_aggregate (owner_id, kind, aggregate_id) VALUES (?, ?, ?)",
                    owner, kind, change.aggregateId());
            jdbc.update("INSERT INTO owned_removal (kind, aggregate_id, owner_id) SELECT ?, ?, owner_id "
                    + "FROM removed_owner WHERE owner_id = ? ON CONFLICT DO NOTHING", kind, change.aggregateId(), owner);
        }
    }

    private void lockOwner(UUID owner) {
        jdbc.query("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", rs -> null, "owner:" + owner);
    }
}
