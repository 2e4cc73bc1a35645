package co.plaza.app.api;

import co.plaza.platform.test.HttpApi.Response;
import com.fasterxml.jackson.databind.JsonNode;
import co.plaza.platform.test.PlazaTestEnvironment;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every declared processor's state, lag and dead letters in {@code GET /health/} and in /prometheus (the dead
 * letters themselves: {@link DeadLettersApiTest}); the context of
 * {@link ReadYourWritesTest}, which has metrics export on.
 */
@ContextConfiguration(initializers = PlazaTestEnvironment.Isolated.class)
@TestPropertySource(properties = "plaza.consistency.bound=PT1S")
@AutoConfigureObservability(tracing = false)
class ProcessorsApiTest extends ApiTest {

    private static final List<String> PROJECTIONS = List.of("users-projection", "users-search-projection",
            "profiles-projection", "media-projection", "marketplace-projection", "adds-search-projection");

    @Test
    void healthShowsEachProcessorsStateAndLag() {
        register(unique("salud"), "consumer");
        Response anonymous = api.get("/health/", null);
        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(anonymous.json().path("components").path("processors").path("status").asText()).isEqualTo("UP");
        assertThat(anonymous.json().path("components").path("processors").has("details"))
                .as("an anonymous probe sees no processor details").isFalse();
        Response user = api.get("/health/", account("salud", "consumer").token());
        assertThat(user.json().path("components").path("processors").has("details"))
                .as("nor does a user who is no admin (error texts, hosts)").isFalse();
        Response health = api.get("/health/", adminToken());
        assertThat(health.status()).isEqualTo(200);
        JsonNode processors = health.json().path("components").path("processors");
        assertThat(processors.path("status").asText()).isEqualTo("UP");
        for (String name : PROJECTIONS) {
            JsonNode p = processors.path("details").path(name);
            assertThat(p.path("mode").asText()).as(name).isEqualTo("tracking");
            assertThat(p.path("state").asText()).as(name).isIn("running", "replaying");
            assertThat(p.path("position").asLong()).as(name).isGreaterThanOrEqualTo(0);
            assertThat(p.path("lag_events").isNumber()).as(name).isTrue();
            assertThat(p.path("lag_seconds").isNumber()).as(name).isTrue();
            assertThat(p.path("dead_letters").isNumber()).as(name).isTrue();
        }
        assertThat(processors.path("details").path("ownership-policies").has("dead_letters"))
                .as("a policy has no dead-letter queue").isFalse();
        assertThat(processors.path("details").path("credentials").path("mode").asText()).isEqualTo("subscribing");
        assertThat(processors.path("details").path("ownership-policies").path("mode").asText()).isEqualTo("tracking");
    }

    @Test
    void prometheusHasEachProcessorsLagInEventsAndSecondsAndDeadLetters() {
        String metrics = api.get("/prometheus", adminToken()).raw();
        for (String name : PROJECTIONS) {
            assertThat(metrics).contains("plaza_processor_lag_events{processor=\"" + name + "\"}");
            assertThat(metrics).contains("plaza_processor_lag_seconds{processor=\"" + name + "\"}");
            assertThat(metrics).contains("plaza_processor_dead_letters{processor=\"" + name + "\"}");
        }
    }

    /** README: /prometheus is for admins (this context exports metrics). */
    @Test
    void prometheusIsForAdminsOnly() {
        assertThat(api.get("/prometheus", null).status()).isEqualTo(401);
        Account user = account("curious", "consumer");
        Response refused = api.get("/prometheus", user.token());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().path("detail").asText()).isNotBlank();
        assertThat(api.get("/prometheus/", user.token()).status()).isEqualTo(403);
        Response metrics = api.get("/prometheus", adminToken());
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.raw()).contains("jvm_");
    }
}
