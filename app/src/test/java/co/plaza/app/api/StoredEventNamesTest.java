package co.plaza.app.api;

import co.plaza.marketplace.api.AdCondition;
import co.plaza.marketplace.api.AdDetails;
import co.plaza.marketplace.api.AdEvents.AdCreatedEvent;
import co.plaza.marketplace.api.AdStatus;
import co.plaza.platform.axon.AxonStoreConfiguration;
import co.plaza.platform.test.HttpApi;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events written before types had stored names carry the Java class name of their day
 * ({@code co.plaza.coreapi.marketplace.AddEvents$AddCreatedEvent}); after the move to package-by-domain they must
 * still project and still source their aggregate, and new events are written under the stable name.
 */
class StoredEventNamesTest extends ApiTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anAdStoredUnderItsOldClassNameIsProjectedAndSourcesItsAggregate() throws Exception {
        String username = unique("legacyname");
        JsonNode user = register(username, "consumer");
        UUID owner = UUID.fromString(user.path("id").asText());
        String token = login(username, PASSWORD);
        UUID adId = UUID.randomUUID();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        AdCreatedEvent created = new AdCreatedEvent(adId, owner, null, new AdDetails("Bicicleta de ruta", "Poco uso",
                new BigDecimal("850000.00"), "COP", AdCondition.USED, null, null, null, null, "Medellín"),
                AdStatus.ACTIVE, at, at);
        byte[] payload = AxonStoreConfiguration.eventObjectMapper().writeValueAsBytes(created);
        // the row exactly as the code before the move wrote it: aggregate type "Add", the nested class's binary name
        jdbc.update("""
                INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                    meta_data, payload, payload_revision, payload_type, time_stamp)
                VALUES (?, 0, 'Add', ?, ?, ?, '1', 'co.plaza.coreapi.marketplace.AddEvents$AddCreatedEvent', ?)""",
                adId.toString(), UUID.randomUUID().toString(),
                ("{\"actor_id\":\"" + owner + "\"}").getBytes(StandardCharsets.UTF_8), payload, at.toString());

        await(() -> api.get("/api/adds/" + adId + "/", token).status() == 200, "the old-named event is projected");
        assertThat(api.get("/api/adds/" + adId + "/", token).text("title")).isEqualTo("Bicicleta de ruta");

        HttpApi.Response patched = api.patch("/api/adds/" + adId + "/", HttpApi.body("title", "Bicicleta de montaña"), token);
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(patched.text("title")).isEqualTo("Bicicleta de montaña");

        List<String> types = jdbc.queryForList("""
                SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number""",
                String.class, adId.toString());
        assertThat(types).containsExactly("co.plaza.coreapi.marketplace.AddEvents$AddCreatedEvent", "marketplace.AdUpdated");
    }
}
