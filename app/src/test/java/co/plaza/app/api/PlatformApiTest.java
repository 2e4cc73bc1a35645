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
        // the UI's entry point sends the browser on to the UI itself, which anyone may read
        Response docs = api.get("/api/docs/", null);
        assertThat(docs.status()).as(docs.toString()).isEqualTo(302);
        String ui = docs.header("Location").orElseThrow();
        Response page = api.get(ui.replaceFirst("^https?://[^/]+", ""), null);
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(page.raw()).containsIgnoringCase("swagger");
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

    /** Without a token anything not open to anonymous callers is a 401 (API.md); with one, DRF's 404 and 405. */
    @Test
    void unknownPathsAndMethodsAreCleanErrors() {
        assertThat(api.get("/api/nothing-here/", null).status()).isEqualTo(401);
        assertThat(api.send("DELETE", "/api/auth/login/", null, null).status()).isEqualTo(401);
        String token = account("lost", "consumer").token();
        Response unknown = api.get("/api/nothing-here/", token);
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(404);
        assertThat(unknown.json().has("detail")).isTrue();
        Response method = api.send("DELETE", "/api/auth/login/", null, token);
        assertThat(method.status()).as(method.toString()).isEqualTo(405);
        assertThat(method.json().has("detail")).isTrue();
        assertThat(method.raw()).doesNotContain("Exception");
        Response correlated = api.get("/health/", null, "X-Correlation-Id", "abc-123");
        assertThat(correlated.header("X-Correlation-Id")).contains("abc-123");
    }
}
