package co.plaza.platform.ownership;

import co.plaza.platform.retry.Backoff;
import co.plaza.common.api.Ownership;
import co.plaza.platform.context.Caller;
import co.plaza.platform.errors.DomainException;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Sends the queued removal commands, each in its own unit of work outside any other transaction, so one that fails
 * delays only itself: it is tried again after 1 s, 2 s, 4 s … up to every 5 minutes until it succeeds or its
 * aggregate is gone. The queue entry goes with the removal's event (the registry deletes it in that transaction), or
 * here once the command answered. At most one instance drains at a time across the cluster (db-scheduler).
 */
@Configuration(proxyBeanMethods = false)
public class OwnedRemovals {

    private static final Logger log = LoggerFactory.getLogger(OwnedRemovals.class);

    private final JdbcTemplate jdbc;
    private final CommandGateway commands;
    private final OwnershipRegistry registry;

    public OwnedRemovals(JdbcTemplate jdbc, CommandGateway commands, OwnershipRegistry registry) {
        this.jdbc = jdbc;
        this.commands = commands;
        this.registry = registry;
    }

    private record Due(String kind, UUID aggregateId, int attempts) {
    }

    /** Sends every removal that is due; returns how many were done (sent, or found gone). */
    public int drain() {
        int done = 0;
        List<Due> due;
        do {
            due = jdbc.query("SELECT kind, aggregate_id, attempts FROM owned_removal WHERE next_attempt_at <= now() "
                            + "ORDER BY next_attempt_at LIMIT 100",
                    (rs, i) -> new Due(rs.getString(1), rs.getObject(2, UUID.class), rs.getInt(3)));
            for (Due removal : due) {
                done += attempt(removal) ? 1 : 0;
            }
        } while (due.size() == 100);
        return done;
    }

    private boolean attempt(Due removal) {
        Optional<Ownership> declaration = registry.declaration(removal.kind());
        try {
            if (declaration.isEmpty()) {
                throw new IllegalStateException("no Ownership declares kind " + removal.kind());
            }
            // as the system: the removed owner may be only one of the owners (the followed side of a follow)
            commands.sendAndWait(declaration.get().removalCommand(removal.aggregateId()), Caller.system().metaData(),
                    30, TimeUnit.SECONDS);
        } catch (RuntimeException e) {
            if (!DomainException.isKind(e, DomainException.Kind.NOT_FOUND)) {
                retryLater(removal, e);
                return false;
            }
            // removed meanwhile by someone else: nothing left to do
        }
        jdbc.update("DELETE FROM owned_removal WHERE kind = ? AND aggregate_id = ?", removal.kind(),
                removal.aggregateId());
        return true;
    }

    private void retryLater(Due removal, RuntimeException failure) {
        long seconds = Backoff.after(removal.attempts() + 1).toSeconds();
        log.warn("Removal of {} {} failed (attempt {}), retrying in {} s: {}", removal.kind(), removal.aggregateId(),
                removal.attempts() + 1, seconds, failure.toString());
        String error = failure.toString();
        jdbc.update("UPDATE owned_removal SET attempts = attempts + 1, last_error = ?, "
                        + "next_attempt_at = now() + make_interval(secs => ?) WHERE kind = ? AND aggregate_id = ?",
                error.length() > 500 ? error.substring(0, 500) : error, (double) seconds, removal.kind(),
                removal.aggregateId());
    }

    @Bean
    RecurringTask<Void> ownedRemovalsTask() {
        return Tasks.recurring("owned-removals", Schedules.fixedDelay(Duration.ofSeconds(1)))
                .execute((instance, context) -> drain());
    }
}
