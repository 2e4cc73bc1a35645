package co.plaza.app.api;

import co.plaza.platform.consistency.ConsistentReads;
import co.plaza.platform.test.HttpApi.Response;
import co.plaza.platform.test.PlazaTestEnvironment;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

import static co.plaza.platform.test.HttpApi.body;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Read-your-writes waits only for the read models that handle the caller's last write: with the ads search
 * projection stopped, a caller who changed their user details reads at once, a caller who created an ad is
 * answered stale after the (1 s) bound. A context of its own, with its own database, for the small bound
 * (shared with {@link ProcessorsApiTest}).
 */
@ContextConfiguration(initializers = PlazaTestEnvironment.Isolated.class)
@TestPropertySource(properties = "plaza.consistency.bound=PT1S")
@AutoConfigureObservability(tracing = false)
class ReadYourWritesTest extends ApiTest {

    private static final String ADS_SEARCH = "adds-search-projection";

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void aStoppedReadModelDelaysOnlyTheCallersWhoseWritesItHandles() {
        String alice = unique("alicia");
        JsonNode aliceUser = register(alice, "consumer");
        String aliceToken = login(alice, PASSWORD);
        String bob = unique("roberto");
        register(bob, "consumer");
        String bobToken = login(bob, PASSWORD);

        EventProcessor adsSearch = processing.eventProcessor(ADS_SEARCH).orElseThrow();
        adsSearch.shutDown();
        try {
            String alicePath = "/api/auth/users/" + aliceUser.path("id").asText() + "/";
            Response changed = api.patch(alicePath, body("first_name", "Alicia"), aliceToken);
            assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
            Response read = api.get(alicePath, aliceToken);
            assertThat(read.status()).isEqualTo(200);
            assertThat(read.json().path("first_name").asText()).isEqualTo("Alicia");
            assertThat(read.header(ConsistentReads.STALE_HEADER)).as("no wait for the stopped ads search").isEmpty();

            Response created = api.post("/api/adds/", body("title", "Bicicleta de ruta", "description", "Poco uso",
                    "price", "900000", "condition", "used"), bobToken);
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            Response mine = api.get("/api/adds/my_adds/", bobToken);
            assertThat(mine.status()).isEqualTo(200);
            assertThat(mine.header(ConsistentReads.STALE_HEADER)).as("the ad's events wait for the ads search").contains("true");

            Response health = api.get("/health/", adminToken());
            assertThat(health.json().path("components").path("processors").path("details").path(ADS_SEARCH)
                    .path("state").asText()).isEqualTo("stopped");
        } finally {
            adsSearch.start();
        }
        await(() -> api.get("/api/adds/my_adds/", bobToken).header(ConsistentReads.STALE_HEADER).isEmpty(),
                "the restarted ads search catches up");
    }
}
