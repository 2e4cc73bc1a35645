package co.plaza.devservices;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;

import org.junit.jupiter.api.Test;

/** Real PostgreSQL and Elasticsearch: the build-wide ones from the test script, or embedded ones. */
class EnsureForTestsTest {

    @Test
    void postgresAnswersAndElasticsearchIsHealthy() throws Exception {
        long t0 = System.nanoTime();
        DevServices.Endpoints endpoints = DevServices.ensureForTests();
        System.out.printf("ensureForTests took %d ms: %s%n", (System.nanoTime() - t0) / 1_000_000, endpoints);
        assertThat(DevServices.ensureForTests()).isSameAs(endpoints);

        try (Connection c = DriverManager.getConnection(endpoints.jdbcUrl(), endpoints.username(), endpoints.password());
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT 1")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                        URI.create(endpoints.elasticsearchUrl() + "/_cluster/health?wait_for_status=yellow&timeout=10s"))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).containsAnyOf("\"status\":\"green\"", "\"status\":\"yellow\"");
    }
}
