package co.plaza.identity.readmodel;

import co.plaza.identity.api.UserEvents.UserDeactivatedEvent;
import co.plaza.identity.api.UserEvents.UserDeletedEvent;
import co.plaza.identity.api.UserEvents.UserReactivatedEvent;
import co.plaza.identity.api.UserEvents.UserRegisteredEvent;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.UUID;

/**
 * For read models that hide what belongs to deactivated or deleted users (profiles, ads): each keeps its own
 * "user_id, active" table in its own processor, so it never waits on, or lags behind, another read model.
 */
public abstract class UserActivityTracking {

    private final JdbcTemplate jdbc;
    private final String table;

    protected UserActivityTracking(JdbcTemplate jdbc, String table) {
        this.jdbc = jdbc;
        this.table = table;
    }

    @EventHandler
    void on(UserRegisteredEvent e) {
        active(e.userId(), e.active());
    }

    @EventHandler
    void on(UserDeactivatedEvent e) {
        active(e.userId(), false);
    }

    @EventHandler
    void on(UserReactivatedEvent e) {
        active(e.userId(), true);
    }

    @EventHandler
    void on(UserDeletedEvent e) {
        active(e.userId(), false);
    }

    private void active(UUID userId, boolean active) {
        jdbc.update("INSERT INTO " + table + " (user_id, active) VALUES (?, ?) "
                + "ON CONFLICT (user_id) DO UPDATE SET active = EXCLUDED.active", userId, active);
    }
}
