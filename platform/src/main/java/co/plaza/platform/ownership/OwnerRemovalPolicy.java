package co.plaza.platform.ownership;

import co.plaza.common.api.OwnerRemoved;
import co.plaza.platform.axon.Policy;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * When an owner is removed (a user deleted), queues the removal of everything the registry says they own; the
 * queue sends each removal command on its own and retries the ones that fail ({@link OwnedRemovals}). Idempotent: a
 * redelivered event queues nothing twice.
 */
@Component
@Policy(name = "ownership-policies")
@DisallowReplay
public class OwnerRemovalPolicy {

    private final JdbcTemplate jdbc;

    public OwnerRemovalPolicy(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(OwnerRemoved event) {
        jdbc.update("INSERT INTO owned_removal (kind, aggregate_id, owner_id) SELECT kind, aggregate_id, owner_id "
                + "FROM owned_aggregate WHERE owner_id = ? ON CONFLICT DO NOTHING", event.removedOwnerId());
    }
}
