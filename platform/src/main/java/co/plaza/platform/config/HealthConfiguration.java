package co.plaza.platform.config;

import co.plaza.platform.axon.DeadLetters;
import co.plaza.platform.axon.ProcessorStates;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /health/}: PostgreSQL, the event store, Elasticsearch (Boot's own indicator) and the event
 * processors of this deployable as components.
 */
@Configuration
public class HealthConfiguration {

    @Bean
    public HealthIndicator postgresql(JdbcTemplate jdbc) {
        return () -> {
            try {
                String version = jdbc.queryForObject("SHOW server_version", String.class);
                return Health.up().withDetail("version", version).build();
            } catch (RuntimeException e) {
                return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
            }
        };
    }

    /**
     * Each declared processor's state ({@code running}, {@code replaying}, {@code stopped}, {@code error} with its
     * error), position and lag in events and seconds, and for a projection the events it has parked
     * ({@code dead_letters}, in {@code dead_letter_sequences} aggregates; ADR 0015). It stays UP while one is in error
     * or has dead letters: Axon retries the first, the second keeps moving past them, the other read models keep
     * serving, and a probe that took the instance out of service or restarted it would fix neither, only stop
     * everyone. Dead letters are for an operator: the {@code plaza.processor.dead_letters} gauge is what to alert on.
     */
    @Bean
    public HealthIndicator processors(ProcessorStates states, DeadLetters deadLetters) {
        return () -> {
            Health.Builder health = Health.up();
            states.states().forEach((name, s) -> {
                Map<String, Object> detail = new LinkedHashMap<>();
                detail.put("mode", s.mode());
                detail.put("state", s.status());
                if (s.mode().equals("tracking")) {
                    detail.put("position", s.position());
                    detail.put("lag_events", s.lagEvents());
                    detail.put("lag_seconds", s.lagSeconds());
                }
                if (s.error() != null) {
                    detail.put("error", s.error());
                }
                try {
                    deadLetters.count(name).ifPresent(count -> {
                        detail.put("dead_letters", count);
                        detail.put("dead_letter_sequences", deadLetters.sequences(name).orElse(0L));
                    });
                } catch (RuntimeException e) {
                    detail.put("dead_letters", "unknown"); // PostgreSQL unreachable: its own component says so
                }
                health.withDetail(name, detail);
            });
            return health.build();
        };
    }

    @Bean
    public HealthIndicator eventStore(EventStore eventStore) {
        return () -> {
            try {
                var head = eventStore.createHeadToken();
                return Health.up().withDetail("head", head == null ? -1 : head.position().orElse(-1)).build();
            } catch (RuntimeException e) {
                return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
            }
        };
    }
}
