package co.plaza.app.api;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.plaza.marketplace.api.CategoryEvents.CategoryCreatedEvent;
import co.plaza.platform.axon.Projection;
import co.plaza.platform.elasticsearch.SearchIndexes;
import co.plaza.platform.elasticsearch.SearchWriter;
import co.plaza.platform.test.HttpApi.Response;
import co.plaza.platform.test.PlazaTestEnvironment;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.SequenceNumber;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A projection that cannot handle an event parks it in the dead-letter queue and goes on, whatever the failure
 * (ADR 0015): a Java exception, a PostgreSQL constraint or encoding error (which aborts the transaction), a document
 * Elasticsearch refuses. The other events of the batch are all projected, the failed event's changes are rolled back,
 * later events of its aggregate are parked behind it, and health, metrics and the admin API show the dead letters.
 */
@ContextConfiguration(initializers = PlazaTestEnvironment.Isolated.class)
@AutoConfigureObservability(tracing = false)
class DeadLettersApiTest extends ApiTest {

    static final String PROBE = "probe-projection";

    /** A test-only event: the row to write and how handling it should fail ({@code ok} for not at all). */
    record Probed(UUID rowId, String failure, String text) {
    }

    /** Writes a row and a search document per event, failing as the event asks. */
    @Projection(name = PROBE)
    static class ProbeProjection {
        static final String MAPPING = """
                {"settings": {"number_of_shards": 1, "number_of_replicas": 0},
                 "mappings": {"dynamic": "strict", "properties": {"n": {"type": "long"}}}}""";
        static final AtomicInteger OUTAGES = new AtomicInteger();
        final JdbcTemplate jdbc;
        final SearchWriter search;
        final String alias;

        ProbeProjection(JdbcTemplate jdbc, SearchWriter search, SearchIndexes indexes) {
            this.jdbc = jdbc;
            this.search = search;
            jdbc.execute("CREATE TABLE IF NOT EXISTS probe_row (id UUID PRIMARY KEY, text TEXT NOT NULL)");
            this.alias = indexes.ensure("probes", 1, MAPPING);
        }

        @EventHandler
        void on(Probed e, @SequenceNumber long sequence) {
            jdbc.update("INSERT INTO probe_row (id, text) VALUES (?, ?)", e.rowId(), e.text());
            switch (e.failure()) {
                // a NUL in the message too: the cause must still be storable
                case "java" -> throw new IllegalStateException("la sonda rechaza \u0000 " + e.rowId());
                case "constraint" -> jdbc.update("INSERT INTO probe_row (id, text) VALUES (?, ?)", e.rowId(), e.text());
                case "encoding" -> jdbc.update("UPDATE probe_row SET text = ? WHERE id = ?", e.text() + "\u0000", e.rowId());
                case "outage" -> {
                    if (OUTAGES.getAndDecrement() > 0) {
                        throw new QueryTimeoutException("la sonda no llega a PostgreSQL");
                    }
                }
                default -> {
                }
            }
            // refused when the unit of work commits: "n" is a long
            search.index(alias, e.rowId().toString(), Map.of("n", "search".equals(e.failure()) ? "no es un número" : 1),
                    sequence + 1);
        }
    }

    @TestConfiguration
    static class Probe {
        @Bean
        ProbeProjection probeProjection(JdbcTemplate jdbc, SearchWriter search, SearchIndexes indexes) {
            return new ProbeProjection(jdbc, search, indexes);
        }
    }

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ElasticsearchClient elasticsearch;
    @Autowired
    SearchIndexes indexes;

    private static DomainEventMessage<?> event(String aggregateType, UUID aggregate, long sequence, Object payload) {
        return new GenericDomainEventMessage<>(aggregateType, aggregate.toString(), sequence, payload);
    }

    private static DomainEventMessage<Probed> probe(UUID aggregate, long sequence, String failure) {
        return new GenericDomainEventMessage<>("Probe", aggregate.toString(), sequence,
                new Probed(UUID.randomUUID(), failure, "texto " + failure));
    }

    @Test
    void eachKindOfFailureParksItsEventAndTheBatchGoesOn() throws IOException {
        UUID poisoned = UUID.randomUUID();
        List<DomainEventMessage<Probed>> ok = new ArrayList<>();
        List<DomainEventMessage<Probed>> failed = new ArrayList<>();
        List<DomainEventMessage<Probed>> batch = new ArrayList<>();
        ok.add(probe(UUID.randomUUID(), 0, "ok"));
        batch.add(ok.get(0));
        for (String failure : List.of("java", "constraint", "encoding", "search")) {
            DomainEventMessage<Probed> bad = probe(failure.equals("java") ? poisoned : UUID.randomUUID(), 0, failure);
            DomainEventMessage<Probed> good = probe(UUID.randomUUID(), 0, "ok");
            failed.add(bad);
            ok.add(good);
            batch.add(bad);
            batch.add(good);
        }
        // the poisoned aggregate's next event is fine in itself, but waits behind its failed one
        DomainEventMessage<Probed> behind = probe(poisoned, 1, "ok");
        batch.add(behind);
        DomainEventMessage<Probed> last = probe(UUID.randomUUID(), 0, "ok");
        ok.add(last);
        batch.add(last);
        // all in one batch: the processor finds them waiting when it starts
        withProcessorsStopped(() -> eventStore.publish(batch), PROBE);
        awaitProcessed(PROBE);

        List<UUID> rows = jdbc.queryForList("SELECT id FROM probe_row", UUID.class).stream()
                .filter(id -> batch.stream().anyMatch(m -> m.getPayload().rowId().equals(id))).toList();
        assertThat(rows).as("every event but the failed and the parked one is projected, failed ones rolled back")
                .containsExactlyInAnyOrderElementsOf(ok.stream().map(m -> m.getPayload().rowId()).toList());
        for (DomainEventMessage<Probed> m : ok) {
            assertThat(elasticsearch.get(g -> g.index(indexes.alias("probes")).id(m.getPayload().rowId().toString()), Map.class)
                    .found()).as("search document of " + m.getPayload()).isTrue();
        }

        Map<String, Map<String, Object>> letters = new HashMap<>();
        jdbc.queryForList("SELECT event_identifier, cause_type, cause_message FROM dead_letter_entry WHERE processing_group = ?",
                PROBE).stream().filter(r -> batch.stream().anyMatch(m -> m.getIdentifier().equals(r.get("event_identifier"))))
                .forEach(r -> letters.put((String) r.get("event_identifier"), r));
        assertThat(letters.keySet()).containsExactlyInAnyOrder(failed.get(0).getIdentifier(), failed.get(1).getIdentifier(),
                failed.get(2).getIdentifier(), failed.get(3).getIdentifier(), behind.getIdentifier());
        assertThat(letters.get(failed.get(0).getIdentifier()).get("cause_type")).isEqualTo(IllegalStateException.class.getName());
        assertThat((String) letters.get(failed.get(0).getIdentifier()).get("cause_message")).startsWith("la sonda rechaza");
        assertThat((String) letters.get(failed.get(1).getIdentifier()).get("cause_message")).contains("duplicate key");
        assertThat((String) letters.get(failed.get(2).getIdentifier()).get("cause_message")).contains("0x00");
        assertThat((String) letters.get(failed.get(3).getIdentifier()).get("cause_message")).contains("Elasticsearch refused");
        assertThat(letters.get(behind.getIdentifier()).get("cause_type")).as("parked behind, not failed").isNull();

        // events after the dead letters, one at a time on a running processor, are projected too
        DomainEventMessage<Probed> after = probe(UUID.randomUUID(), 0, "ok");
        eventStore.publish(after);
        awaitProcessed(PROBE);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM probe_row WHERE id = ?", Long.class, after.getPayload().rowId()))
                .isEqualTo(1);

        String admin = adminToken();
        JsonNode processors = api.get("/health/", admin).json().path("components").path("processors");
        assertThat(processors.path("status").asText()).isEqualTo("UP");
        assertThat(processors.path("details").path(PROBE).path("state").asText()).isEqualTo("running");
        assertThat(processors.path("details").path(PROBE).path("dead_letters").asLong()).isEqualTo(5);
        assertThat(processors.path("details").path(PROBE).path("dead_letter_sequences").asLong()).isEqualTo(4);
        assertThat(processors.path("details").path("users-projection").path("dead_letters").asLong()).isZero();

        String metrics = api.get("/prometheus", admin).raw();
        assertThat(metrics).contains("plaza_processor_dead_letters{processor=\"" + PROBE + "\"} 5.0");
        assertThat(metrics).contains("plaza_processor_dead_letters{processor=\"users-projection\"} 0.0");

        JsonNode probe = projection(api.get("/api/admin/projections/", admin), PROBE);
        assertThat(probe.path("dead_letters").asLong()).isEqualTo(5);
        assertThat(probe.path("state").asText()).isEqualTo("running");
        assertThat(probe.path("lag_events").isNumber()).isTrue();
        List<String> listed = StreamSupport.stream(probe.path("dead_lettered_events").spliterator(), false)
                .map(l -> l.path("event_id").asText()).toList();
        assertThat(listed).containsExactlyInAnyOrderElementsOf(letters.keySet());
        JsonNode java = StreamSupport.stream(probe.path("dead_lettered_events").spliterator(), false)
                .filter(l -> l.path("event_id").asText().equals(failed.get(0).getIdentifier())).findFirst().orElseThrow();
        assertThat(java.path("aggregate_id").asText()).isEqualTo(poisoned.toString());
        assertThat(java.path("cause_type").asText()).isEqualTo(IllegalStateException.class.getName());
    }

    @Test
    void aFailureThatGoesAwayByItselfIsWaitedOutNotParked() {
        ProbeProjection.OUTAGES.set(2);
        DomainEventMessage<Probed> during = probe(UUID.randomUUID(), 0, "outage");
        DomainEventMessage<Probed> next = probe(UUID.randomUUID(), 0, "ok");
        eventStore.publish(during, next);
        awaitProcessed(PROBE);
        assertThat(ProbeProjection.OUTAGES.get()).as("failed twice, then handled").isNegative();
        assertThat(jdbc.queryForList("SELECT id FROM probe_row WHERE id IN (?, ?)", UUID.class,
                during.getPayload().rowId(), next.getPayload().rowId())).hasSize(2);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM dead_letter_entry WHERE event_identifier IN (?, ?)", Long.class,
                during.getIdentifier(), next.getIdentifier())).isZero();
    }

    @Test
    void aRealProjectionParksWhatItCannotStoreAndItsReadModelMovesOn() {
        UUID bad = UUID.randomUUID();
        UUID good = UUID.randomUUID();
        DomainEventMessage<?> unstorable = event("Category", bad, 0,
                new CategoryCreatedEvent(bad, null, "Herramientas\u0000", "herramientas-" + bad, "", null));
        eventStore.publish(unstorable, event("Category", good, 0,
                new CategoryCreatedEvent(good, null, "Jardín", "jardin-" + good, "", null)));
        awaitProcessed("marketplace-projection");

        assertThat(api.get("/api/categories/" + good + "/", null).json().path("name").asText()).isEqualTo("Jardín");
        assertThat(api.get("/api/categories/" + bad + "/", null).status()).isEqualTo(404);
        JsonNode marketplace = projection(api.get("/api/admin/projections/", adminToken()), "marketplace-projection");
        assertThat(marketplace.path("state").asText()).isEqualTo("running");
        assertThat(StreamSupport.stream(marketplace.path("dead_lettered_events").spliterator(), false)
                .filter(l -> l.path("event_id").asText().equals(unstorable.getIdentifier()))
                .map(l -> l.path("cause").asText()).findFirst()).hasValueSatisfying(c -> assertThat(c).contains("0x00"));
    }

    @Test
    void onlyAdminsSeeTheProjections() {
        assertThat(api.get("/api/admin/projections/", null).status()).isEqualTo(401);
        assertThat(api.get("/api/admin/projections/", account("curioso", "consumer").token()).status()).isEqualTo(403);
        Response answer = api.get("/api/admin/projections", adminToken());
        assertThat(answer.status()).isEqualTo(200);
        assertThat(StreamSupport.stream(answer.json().spliterator(), false).map(p -> p.path("name").asText()))
                .contains("users-projection", "marketplace-projection", PROBE)
                .doesNotContain("ownership-policies", "credentials");
    }

    private static JsonNode projection(Response answer, String name) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return StreamSupport.stream(answer.json().spliterator(), false)
                .filter(p -> p.path("name").asText().equals(name)).findFirst().orElseThrow();
    }
}
