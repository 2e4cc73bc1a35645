package co.plaza.app.api;

import co.plaza.marketplace.readmodel.AdsTables;
import co.plaza.platform.axon.Projection;
import co.plaza.platform.test.HttpApi;
import co.plaza.platform.test.HttpApi.Response;
import co.plaza.platform.test.PlazaTestEnvironment;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static co.plaza.platform.test.HttpApi.body;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/admin/projections/{name}/replay/}: a projection rebuilt from the event store in place
 * (ProjectionReplays), one replay at a time, admins only.
 */
@ContextConfiguration(initializers = PlazaTestEnvironment.Isolated.class)
class ProjectionReplayApiTest extends ApiTest {

    static final String GATED = "gated-projection";

    /** A test-only event. */
    record Gated(UUID id) {
    }

    /** Handles {@link Gated} events, each waiting while the gate is closed: a replay that cannot finish yet. */
    @Projection(name = GATED)
    static class GatedProjection {
        static final Object LOCK = new Object();
        static boolean closed;
        static final AtomicInteger HANDLED = new AtomicInteger();

        @EventHandler
        void on(Gated e) throws InterruptedException {
            synchronized (LOCK) {
                while (closed) {
                    LOCK.wait();
                }
            }
            HANDLED.incrementAndGet();
        }

        static void gate(boolean close) {
            synchronized (LOCK) {
                closed = close;
                LOCK.notifyAll();
            }
        }
    }

    @TestConfiguration
    static class Gate {
        @Bean
        GatedProjection gatedProjection() {
            return new GatedProjection();
        }
    }

    @Autowired
    JdbcTemplate jdbc;

    private List<Map<String, Object>> rows(String table) {
        return jdbc.queryForList("SELECT * FROM " + table + " ORDER BY 1");
    }

    @Test
    void aReplayRebuildsTheSameRowsWhileReadsKeepAnswering() throws InterruptedException {
        String admin = adminToken();
        Account seller = account("replay", "consumer");
        List<String> ads = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Response r = api.post("/api/adds/", body("title", "Lámpara " + i, "description", "De pie", "condition", "used",
                    "price", 1000 + i), seller.token());
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
            ads.add(r.json().path("id").asText());
        }
        assertThat(api.patch("/api/adds/" + ads.get(0) + "/", body("title", "Lámpara de mesa"), seller.token()).status())
                .isEqualTo(200);
        assertThat(api.delete("/api/adds/" + ads.get(1) + "/", seller.token()).status()).isEqualTo(204);
        awaitProcessed("marketplace-projection");
        List<Map<String, Object>> adsBefore = rows(AdsTables.ADS);
        List<Map<String, Object>> categoriesBefore = rows(AdsTables.CATEGORIES);
        assertThat(adsBefore).hasSizeGreaterThanOrEqualTo(4);

        // a reader throughout the replay: the list and a detail, never an error
        AtomicBoolean done = new AtomicBoolean();
        List<Integer> statuses = new CopyOnWriteArrayList<>();
        HttpApi reader = new HttpApi(port);
        Thread reading = new Thread(() -> {
            while (!done.get()) {
                statuses.add(reader.get("/api/adds/", null, "X-Consistency", "eventual").status());
                statuses.add(reader.get("/api/adds/" + ads.get(2) + "/", null, "X-Consistency", "eventual").status());
            }
        });
        reading.start();
        try {
            Response replay = api.post("/api/admin/projections/marketplace-projection/replay/", null, admin);
            assertThat(replay.status()).as(replay.toString()).isEqualTo(202);
            assertThat(replay.json().path("name").asText()).isEqualTo("marketplace-projection");
            assertThat(replay.json().path("state").asText()).isIn("replaying", "running");
            awaitProcessed("marketplace-projection");
        } finally {
            done.set(true);
            reading.join();
        }

        assertThat(statuses).isNotEmpty();
        // the PostgreSQL read model is truncated at the reset: a detail not replayed yet reads as absent, never fails
        assertThat(statuses).allMatch(s -> s == 200 || s == 404);
        assertThat(rows(AdsTables.ADS)).isEqualTo(adsBefore);
        assertThat(rows(AdsTables.CATEGORIES)).isEqualTo(categoriesBefore);
        assertThat(api.get("/api/adds/" + ads.get(0) + "/", null).json().path("title").asText()).isEqualTo("Lámpara de mesa");
        assertThat(api.get("/api/adds/" + ads.get(1) + "/", null).status()).isEqualTo(404);

        // the search projection keeps its documents and rewrites them in place
        awaitProcessed("adds-search-projection");
        Response search = api.post("/api/admin/projections/adds-search-projection/replay/", null, admin);
        assertThat(search.status()).as(search.toString()).isEqualTo(202);
        awaitProcessed("adds-search-projection");
        assertThat(api.get("/api/adds/?search=mesa", null).json().path("results")).extracting(a -> a.path("id").asText())
                .contains(ads.get(0));
    }

    @Test
    void aReplayStillRunningIsAConflictAndAFinishedOneIsNot() {
        String admin = adminToken();
        eventStore.publish(new GenericDomainEventMessage<>("Gate", UUID.randomUUID().toString(), 0,
                new Gated(UUID.randomUUID())));
        awaitProcessed(GATED);
        String path = "/api/admin/projections/" + GATED + "/replay/";
        GatedProjection.gate(true);
        try {
            Response first = api.post(path, null, admin);
            assertThat(first.status()).as(first.toString()).isEqualTo(202);
            assertThat(first.json().path("state").asText()).isEqualTo("replaying");
            Response second = api.post(path, null, admin);
            assertThat(second.status()).as(second.toString()).isEqualTo(409);
            assertThat(second.json().has("detail")).isTrue();
            assertThat(api.get("/api/admin/projections/", admin).json()).filteredOn(p -> GATED.equals(p.path("name").asText()))
                    .extracting(p -> p.path("state").asText()).containsExactly("replaying");
        } finally {
            GatedProjection.gate(false);
        }
        awaitProcessed(GATED);
        // done, though Axon's own replay flag stays up until a new event arrives
        assertThat(stateOf(admin)).isEqualTo("running");
        Response again = api.post(path, null, admin);
        assertThat(again.status()).as(again.toString()).isEqualTo(202);
        awaitProcessed(GATED);
        assertThat(GatedProjection.HANDLED.get()).as("the event, then each of two replays").isEqualTo(3);
    }

    private String stateOf(String admin) {
        for (var p : api.get("/api/admin/projections/", admin).json()) {
            if (GATED.equals(p.path("name").asText())) {
                return p.path("state").asText();
            }
        }
        throw new AssertionError(GATED + " not listed");
    }

    @Test
    void onlyAdminsReplayAndOnlyProjections() {
        String admin = adminToken();
        Account user = account("replay", "consumer");
        String path = "/api/admin/projections/marketplace-projection/replay/";
        assertThat(api.post(path, null, null).status()).isEqualTo(401);
        assertThat(api.post(path, null, user.token()).status()).isEqualTo(403);
        for (String name : List.of("nope", "credentials", "ProfileProvisioningSagaProcessor", "x".repeat(300),
                "marketplace-projection@adds_v99")) {
            Response r = api.post("/api/admin/projections/" + name + "/replay/", null, admin);
            assertThat(r.status()).as(name).isEqualTo(404);
            assertThat(r.json().has("detail")).isTrue();
        }
        assertThat(api.get("/api/admin/projections/", user.token()).status()).isEqualTo(403);
    }
}
