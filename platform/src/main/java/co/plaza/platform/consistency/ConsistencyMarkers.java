package co.plaza.platform.consistency;

import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

/**
 * Each caller's last write, kept in the database the command and query sides share, so a split deployment
 * gives the same read-your-writes as the all-in-one.
 */
@Component
public class ConsistencyMarkers {

    /**
     * A caller's last write: the global position of its last event and the payload types (class names) of all
     * its events; {@code payloadTypes} is null when unknown, and then every read model counts.
     */
    public record Marker(long position, Set<String> payloadTypes) {
    }

    private final JdbcTemplate jdbc;

    public ConsistencyMarkers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Runs inside the command's transaction, so the marker and the events commit together. */
    public void recordEvent(UUID actor, String eventIdentifier) {
        recordEvent(actor, eventIdentifier, null);
    }

    /** The same, with the payload types of every event the write produced. */
    public void recordEvent(UUID actor, String eventIdentifier, Collection<String> payloadTypes) {
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("""
                    INSERT INTO consistency_marker (actor_id, event_identifier, global_position, payload_types, updated_at)
                    VALUES (?, ?, NULL, ?, now())
                    ON CONFLICT (actor_id) DO UPDATE SET event_identifier = EXCLUDED.event_identifier,
                        global_position = NULL, payload_types = EXCLUDED.payload_types, updated_at = now()""");
            statement.setObject(1, actor);
            statement.setString(2, eventIdentifier);
            statement.setArray(3, payloadTypes == null ? null
                    : connection.createArrayOf("text", payloadTypes.toArray(String[]::new)));
            return statement;
        });
    }

    /** With Axon Server there is no event table to look the event up in: the head position after commit is kept. */
    public void recordPosition(UUID actor, String eventIdentifier, long position) {
        jdbc.update("UPDATE consistency_marker SET global_position = ? WHERE actor_id = ? AND event_identifier = ?",
                position, actor, eventIdentifier);
    }

    /** The global position of the caller's last write, if the caller wrote anything. */
    public OptionalLong positionOf(UUID actor) {
        return markerOf(actor).map(m -> OptionalLong.of(m.position())).orElse(OptionalLong.empty());
    }

    /** The caller's last write, if the caller wrote anything (and its event is stored). */
    public Optional<Marker> markerOf(UUID actor) {
        try {
            return Optional.ofNullable(jdbc.queryForObject("""
                    SELECT COALESCE(m.global_position, e.global_index) AS position, m.payload_types
                    FROM consistency_marker m
                    LEFT JOIN domain_event_entry e ON e.event_identifier = m.event_identifier
                    WHERE m.actor_id = ?""", (rs, n) -> {
                long position = rs.getLong("position");
                if (rs.wasNull()) {
                    return null;
                }
                return new Marker(position, types(rs.getArray("payload_types")));
            }, actor));
        } catch (EmptyResultDataAccessException e) {
            return Optional.empty();
        }
    }

    private static Set<String> types(Array array) throws SQLException {
        return array == null ? null : Set.copyOf(Arrays.asList((String[]) array.getArray()));
    }
}
