package co.plaza.identity.readmodel;

import co.plaza.identity.api.UserEvents.UserDeactivatedEvent;
import co.plaza.identity.api.UserEvents.UserDeletedEvent;
import co.plaza.identity.api.UserEvents.UserReactivatedEvent;
import co.plaza.identity.api.UserEvents.UserRegisteredEvent;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.TrackingToken;
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
    void on(UserRegisteredEvent e, TrackingToken token) {
        active(e.userId(), e.active(), token);
    }

    @EventHandler
    void on(UserDeactivatedEvent e, TrackingToken token) {
        active(e.userId(), false, token);
    }

    @EventHandler
    void on(UserReactivatedEvent e, TrackingToken token) {
        active(e.userId(), true, token);
    }

    @EventHandler
    void on(UserDeletedEvent e, TrackingToken token) {
        active(e.userId(), false, token);
    }

    private void active(UUID userId, boolean active, TrackingToken token) {
        boolean before = isActive(userId);
        jdbc.update("INSERT INTO " + table + " (user_id, active) VALUES (?, ?) "
                + "ON CONFLICT (user_id) DO UPDATE SET active = EXCLUDED.active", userId, active);
        if (before != active) {
            activityChanged(userId, active, token);
        }
    }

    /**
     * For a read model that copies the state into its own rows or documents; called after the table changed, only
     * when the state did (a registration of an active user changes nothing).
     */
    protected void activityChanged(UUID userId, boolean active, TrackingToken token) {
    }

    /** The user's state as this read model saw it; a user it never saw counts as active. */
    protected boolean isActive(UUID userId) {
        return !Boolean.FALSE.equals(jdbc.query("SELECT active FROM " + table + " WHERE user_id = ?",
                rs -> rs.next() ? rs.getBoolean(1) : null, userId));
    }
}
