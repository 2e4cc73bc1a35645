package co.plaza.platform.config;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code GET /health/}: PostgreSQL, the event store and Elasticsearch (Boot's own indicator) as components. */
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
