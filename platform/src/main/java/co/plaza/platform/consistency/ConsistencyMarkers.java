package co.plaza.platform.consistency;

import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.OptionalLong;
import java.util.UUID;

/**
 * Each caller's last write, kept in the database the command and query sides share, so a split deployment
 * gives the same read-your-writes as the all-in-one.
 */
@Component
public class ConsistencyMarkers {

    private final JdbcTemplate jdbc;

    public ConsistencyMarkers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Runs inside the command's transaction, so the marker and the events commit together. */
    public void recordEvent(UUID actor, String eventIdentifier) {
        jdbc.update("""
                INSERT INTO consistency_marker (actor_id, event_identifier, global_position, updated_at)
                VALUES (?, ?, NULL, now())
                ON CONFLICT (actor_id) DO UPDATE SET event_identifier = EXCLUDED.event_identifier,
                    global_position = NULL, updated_at = now()""", actor, eventIdentifier);
    }

    /** With Axon Server there is no event table to look the event up in: the head position after commit is kept. */
    public void recordPosition(UUID actor, String eventIdentifier, long position) {
        jdbc.update("UPDATE consistency_marker SET global_position = ? WHERE actor_id = ? AND event_identifier = ?",
                position, actor, eventIdentifier);
    }

    /** The global position of the caller's last write, if the caller wrote anything. */
    public OptionalLong positionOf(UUID actor) {
        try {
            Long position = jdbc.queryForObject("""
                    SELECT COALESCE(m.global_position, e.global_index)
                    FROM consistency_marker m
                    LEFT JOIN domain_event_entry e ON e.event_identifier = m.event_identifier
                    WHERE m.actor_id = ?""", Long.class, actor);
            return position == null ? OptionalLong.empty() : OptionalLong.of(position);
        } catch (EmptyResultDataAccessException e) {
            return OptionalLong.empty();
        }
    }
}
