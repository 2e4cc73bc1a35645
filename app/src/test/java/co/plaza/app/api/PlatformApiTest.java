package co.plaza.app.api;

import co.plaza.platform.test.HttpApi.Response;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PlatformApiTest extends ApiTest {

    @Test
    void healthShowsPostgresEventStoreAndElasticsearch() {
        Response health = api.get("/health/", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("status").asText()).isEqualTo("UP");
        assertThat(health.json().path("components").path("postgresql").path("status").asText()).isEqualTo("UP");
        assertThat(health.json().path("components").path("eventStore").path("status").asText()).isEqualTo("UP");
        assertThat(health.json().path("components").path("elasticsearch").path("status").asText()).isEqualTo("UP");
    }

    @Test
    void openApiSchemaAndSwaggerUiAreServed() {
        Response schema = api.get("/api/schema/", null);
        assertThat(schema.status()).isEqualTo(200);
        assertThat(schema.raw()).contains("/api/auth/register");
        assertThat(api.get("/api/docs/", null).status()).isIn(200, 302);
    }

    @Test
    void corsAllowsConfiguredOriginsOnly() {
        Response allowed = api.send("OPTIONS", "/api/auth/login/", null, null, "Origin", "https://app.plaza.co",
                "Access-Control-Request-Method", "POST");
        assertThat(allowed.header("Access-Control-Allow-Origin")).contains("https://app.plaza.co");
        Response refused = api.send("OPTIONS", "/api/auth/login/", null, null, "Origin", "https://evil.example",
                "Access-Control-Request-Method", "POST");
        assertThat(refused.header("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void unknownPathsAndMethodsAreCleanErrors() {
        assertThat(api.get("/api/nothing-here/", null).status()).isIn(401, 404);
        Response method = api.send("DELETE", "/api/auth/login/", null, null);
        assertThat(method.status()).isIn(401, 405);
        assertThat(method.raw()).doesNotContain("Exception");
        Response correlated = api.get("/health/", null, "X-Correlation-Id", "abc-123");
        assertThat(correlated.header("X-Correlation-Id")).contains("abc-123");
    }
}
