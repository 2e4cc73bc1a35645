package co.plaza.app.bench;

import co.plaza.app.bench.BenchSupport.Stats;
import co.plaza.marketplace.api.AdCondition;
import co.plaza.marketplace.api.AdDetails;
import co.plaza.marketplace.api.AdEvents.AdCreatedEvent;
import co.plaza.marketplace.api.AdStatus;
import co.plaza.platform.axon.AxonStoreConfiguration;
import co.plaza.platform.elasticsearch.TextFolding;
import co.plaza.marketplace.readmodel.AdsIndex;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The marketplace benchmark (README, Benchmarks). Loads 100,000 ads spread over Colombian cities as AddCreated events
 * appended to the event store in batches (the projections index them like any other event), then measures the
 * unfiltered list, one-word searches (a word in most ads, a title word, a rare word), nearby and detail through the
 * API at 1 and 8 clients beside the same query sent straight to Elasticsearch, and the
 * indexing throughput events -> ES documents beside a raw bulk load of the same documents into a scratch index.
 * Arguments (scripts/bench.sh): port, JDBC URL, user, password, data directory, Elasticsearch URL.
 */
public final class MarketplaceBenchmark {

    private static final int ADS = Integer.getInteger("bench.ads", 100_000);
    private static final long PHASE_MILLIS = Long.getLong("bench.seconds", 8) * 1000;
    private static final ObjectMapper EVENTS = AxonStoreConfiguration.eventObjectMapper();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** City, latitude, longitude. */
    private static final Object[][] CITIES = {
            {"Bogotá", 4.7110, -74.0721}, {"Medellín", 6.2442, -75.5812}, {"Cali", 3.4516, -76.5320},
            {"Barranquilla", 10.9685, -74.7813}, {"Cartagena", 10.3910, -75.4794}, {"Bucaramanga", 7.1193, -73.1227},
            {"Pereira", 4.8133, -75.6961}, {"Manizales", 5.0703, -75.5138}, {"Santa Marta", 11.2408, -74.1990},
            {"Cúcuta", 7.8939, -72.5078}, {"Ibagué", 4.4389, -75.2322}, {"Villavicencio", 4.1420, -73.6266}};
    private static final String[] WORDS = {"teléfono", "bicicleta", "nevera", "televisor", "sofá", "guitarra",
            "cámara", "portátil", "moto", "lavadora", "mesa", "silla", "zapatos", "reloj", "consola", "libro"};
    private static final String[] ADJECTIVES = {"nuevo", "usado", "económico", "grande", "pequeño", "rojo", "negro",
            "original", "importado", "clásico"};

    /** In about 90% of the descriptions ("Se vende ..."); the rest say "Cambio ...". */
    private static final String COMMON_WORD = "vende";
    /** In about 0.1% of the titles, instead of one of {@link #WORDS}. */
    private static final String RARE_WORD = "acordeon";

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String jdbcUrl = args[1];
        String user = args[2];
        String password = args[3];
        String es = args[5].replaceAll("/+$", "");
        String base = "http://127.0.0.1:" + port;
        String alias = "plaza_" + AdsIndex.INDEX;

        List<AdCreatedEvent> ads = generate();
        long baseline = count(es, alias);
        long loadStart = System.nanoTime();
        append(jdbcUrl, user, password, ads);
        double appendSeconds = (System.nanoTime() - loadStart) / 1e9;
        while (count(es, alias) < baseline + ADS) {
            Thread.sleep(200);
        }
        double indexSeconds = (System.nanoTime() - loadStart) / 1e9;
        double eventsPerSecond = ADS / indexSeconds;
        // queries are measured once the PostgreSQL read model has caught up too, so no projection work competes
        while (rows(jdbcUrl, user, password) < ADS) {
            Thread.sleep(500);
        }
        double rawPerSecond = rawBulk(es, ads);

        Random pick = new Random(7);
        List<UUID> detailIds = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            detailIds.add(ads.get(pick.nextInt(ads.size())).addId());
        }
        Supplier<Query> list = () -> new Query(base + "/api/adds/", listBody(null));
        Supplier<Query> common = () -> new Query(base + "/api/adds/?search=" + COMMON_WORD, listBody(COMMON_WORD));
        Supplier<Query> rare = () -> new Query(base + "/api/adds/?search=" + RARE_WORD, listBody(RARE_WORD));
        Supplier<Query> oneWord = () -> {
            String word = WORDS[ThreadLocalRandom.current().nextInt(WORDS.length)];
            return new Query(base + "/api/adds/?search=" + java.net.URLEncoder.encode(word, StandardCharsets.UTF_8),
                    listBody(TextFolding.fold(word)));
        };
        Supplier<Query> nearby = () -> {
            Object[] city = CITIES[ThreadLocalRandom.current().nextInt(CITIES.length)];
            double lat = (double) city[1];
            double lon = (double) city[2];
            return new Query(base + "/api/adds/nearby/?lat=" + lat + "&lon=" + lon + "&radius_km=10", nearbyBody(lat, lon));
        };
        // detail stays on PostgreSQL (and counts a view); its raw counterpart is a get of the ES document by id
        Supplier<Query> detail = () -> {
            UUID id = detailIds.get(ThreadLocalRandom.current().nextInt(detailIds.size()));
            return new Query(base + "/api/adds/" + id + "/", null, "/_doc/" + id);
        };
        record Case(String what, Supplier<Query> queries, String goal) {
        }
        String fast = "p99 < 50 ms at 8 clients; API <= max(1.5x raw, raw + 5 ms)";
        List<Case> cases = List.of(
                new Case("list, unfiltered (newest first, page of 20)", list, fast),
                new Case("search, word in ~90% of ads (\"" + COMMON_WORD + "\")", common, fast),
                new Case("search, one title word (~6% of ads)", oneWord, fast),
                new Case("search, rare word (~0.1% of ads, \"" + RARE_WORD + "\")", rare, fast),
                new Case("nearby (10 km, page of 20)", nearby, fast),
                new Case("detail (PostgreSQL, counts a view)", detail, "API <= raw + 5 ms"));
        // warm-up of every path
        for (Case c : cases) {
            measure(c.queries(), 1, PHASE_MILLIS / 4, false, es, alias);
            measure(c.queries(), 1, PHASE_MILLIS / 4, true, es, alias);
        }

        String machine = Runtime.getRuntime().availableProcessors() + " cores, same machine as PostgreSQL and Elasticsearch";
        System.out.println();
        System.out.printf("Marketplace benchmark (all-in-one deployment, %s, %,d ads, %d s per phase)%n", machine, ADS,
                PHASE_MILLIS / 1000);
        System.out.println();
        System.out.println("| query | clients | API req/s | API p50 ms | API p99 ms | raw ES p50 ms | raw ES p99 ms | p99 ratio | goal |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        for (Case c : cases) {
            for (int clients : new int[]{1, 8}) {
                row(c.what(), clients, measure(c.queries(), clients, PHASE_MILLIS, false, es, alias),
                        measure(c.queries(), clients, PHASE_MILLIS, true, es, alias), c.goal());
            }
        }
        System.out.println();
        System.out.println("| indexing | docs/s | raw bulk docs/s | ratio |");
        System.out.println("|---|---|---|---|");
        System.out.printf("| AddCreated events -> ES documents (adds-search-projection; events appended in %.1f s, indexed after %.1f s) | %.0f | %.0f | %.2f |%n",
                appendSeconds, indexSeconds, eventsPerSecond, rawPerSecond, eventsPerSecond / rawPerSecond);
    }

    /** An API URL and the same query for Elasticsearch: a _search body, or a path under the alias to GET. */
    record Query(String api, String raw, String rawPath) {
        Query(String api, String raw) {
            this(api, raw, null);
        }
    }

    /**
     * The search the API sends for a list page (anonymous caller: active ads of active owners, the rows from the
     * documents), with or without one folded word.
     */
    private static String listBody(String word) {
        String must = word == null ? "" : """
                "must": [{"bool": {"should": [{"wildcard": {"title_f": "*%s*"}},
                  {"wildcard": {"description_f": "*%s*"}}, {"wildcard": {"city_f": "*%s*"}}],
                  "minimum_should_match": 1}}], """.formatted(word, word, word);
        return """
                {"size": 20, "track_total_hits": true, "_source": {"excludes": ["title_f", "description_f", "city_f"]},
                 "query": {"bool": {%s"filter": [{"bool": {"should": [{"terms": {"status": ["active"]}}],
                   "minimum_should_match": 1}}, {"term": {"owner_active": true}}]}},
                 "sort": [{"created_at": {"order": "desc", "missing": "_last"}}, {"seq": {"order": "desc", "missing": "_last"}}]}"""
                .formatted(must);
    }

    private static String nearbyBody(double lat, double lon) {
        return """
                {"size": 20, "track_total_hits": true, "_source": {"excludes": ["title_f", "description_f", "city_f"]},
                 "query": {"bool": {"filter": [{"bool": {"should": [{"terms": {"status": ["active"]}}],
                   "minimum_should_match": 1}}, {"term": {"owner_active": true}},
                   {"geo_distance": {"distance": "10.0km", "location": {"lat": %s, "lon": %s}}}]}},
                 "sort": [{"_geo_distance": {"location": {"lat": %s, "lon": %s}, "order": "asc", "unit": "km",
                   "distance_type": "arc"}}, {"seq": {"order": "desc", "missing": "_last"}}]}""".formatted(lat, lon, lat, lon);
    }

    private static void row(String what, int clients, Stats api, Stats raw, String goal) {
        System.out.printf("| %s | %d | %.0f | %.2f | %.2f | %.2f | %.2f | %.2f | %s |%n", what, clients, api.perSecond(),
                api.p50Ms(), api.p99Ms(), raw.p50Ms(), raw.p99Ms(), api.p99Ms() / raw.p99Ms(), goal);
    }

    private static List<AdCreatedEvent> generate() {
        Random random = new Random(42);
        List<AdCreatedEvent> ads = new ArrayList<>(ADS);
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        for (int i = 0; i < ADS; i++) {
            Object[] city = CITIES[random.nextInt(CITIES.length)];
            // within ~15 km of the city centre
            double lat = (double) city[1] + (random.nextDouble() - 0.5) * 0.27;
            double lon = (double) city[2] + (random.nextDouble() - 0.5) * 0.27;
            String word = random.nextInt(1000) == 0 ? RARE_WORD : WORDS[random.nextInt(WORDS.length)];
            String title = word + " " + ADJECTIVES[random.nextInt(ADJECTIVES.length)];
            String verb = random.nextInt(10) == 0 ? "Cambio" : "Se " + COMMON_WORD;
            BigDecimal price = random.nextInt(10) == 0 ? null : BigDecimal.valueOf(10_000L + random.nextInt(5_000_000)).setScale(2);
            AdDetails details = new AdDetails(title, verb + " " + title + " en buen estado, entrega en " + city[0],
                    price, "COP", random.nextBoolean() ? AdCondition.NEW : AdCondition.USED, null, lat, lon,
                    "Calle " + random.nextInt(200), (String) city[0]);
            Instant at = start.plusSeconds(i * 60L);
            ads.add(new AdCreatedEvent(UUID.randomUUID(), new UUID(0, 1 + random.nextInt(5000)), null, details,
                    AdStatus.ACTIVE, at, at));
        }
        return ads;
    }

    /** Appends the events as the event store would, 1,000 per transaction. */
    private static void append(String url, String user, String password, List<AdCreatedEvent> ads) throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                        meta_data, payload, payload_revision, payload_type, time_stamp)
                    VALUES (?, 0, 'Ad', ?, ?, ?, '1', ?, ?)""")) {
                byte[] meta = "{}".getBytes(StandardCharsets.UTF_8);
                for (int i = 0; i < ads.size(); i++) {
                    AdCreatedEvent e = ads.get(i);
                    insert.setString(1, e.addId().toString());
                    insert.setString(2, UUID.randomUUID().toString());
                    insert.setBytes(3, meta);
                    insert.setBytes(4, EVENTS.writeValueAsBytes(e));
                    insert.setString(5, co.plaza.platform.axon.StoredTypeNames.scan().nameOf(AdCreatedEvent.class));
                    insert.setString(6, Instant.now().toString());
                    insert.addBatch();
                    if ((i + 1) % 1000 == 0 || i == ads.size() - 1) {
                        insert.executeBatch();
                        c.commit();
                    }
                }
            }
        }
    }

    /** The same documents the projection writes, bulk-loaded straight into a scratch index with the same mapping. */
    private static double rawBulk(String es, List<AdCreatedEvent> ads) throws Exception {
        String index = "bench_raw_adds";
        send("DELETE", es + "/" + index, null);
        send("PUT", es + "/" + index, AdsIndex.MAPPING);
        long start = System.nanoTime();
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < ads.size(); i++) {
            AdCreatedEvent e = ads.get(i);
            Map<String, Object> doc = AdsIndex.document(e, i + 1, 0, true);
            body.append("{\"index\":{\"_index\":\"").append(index).append("\",\"_id\":\"").append(e.addId())
                    .append("\",\"version\":").append(i + 1).append(",\"version_type\":\"external\"}}\n")
                    .append(JSON.writeValueAsString(doc)).append('\n');
            // the projection's batches are 100 events; the raw load uses the same batch size and refresh policy
            if ((i + 1) % 100 == 0 || i == ads.size() - 1) {
                send("POST", es + "/_bulk?refresh=wait_for", body.toString());
                body.setLength(0);
            }
        }
        double perSecond = ads.size() / ((System.nanoTime() - start) / 1e9);
        send("DELETE", es + "/" + index, null);
        return perSecond;
    }

    private static long rows(String url, String user, String password) throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, password);
             var rs = c.createStatement().executeQuery("SELECT count(*) FROM add_view")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long count(String es, String alias) throws Exception {
        JsonNode r = JSON.readTree(send("GET", es + "/" + alias + "/_count", null));
        return r.path("count").asLong();
    }

    private static String send(String method, String url, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json");
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** Closed loop of {@code clients} threads for {@code millis}; raw sends the query body to ES's _search. */
    private static Stats measure(Supplier<Query> queries, int clients, long millis, boolean raw, String es, String alias)
            throws InterruptedException {
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong errors = new AtomicLong();
        long end = System.nanoTime() + millis * 1_000_000;
        CountDownLatch done = new CountDownLatch(clients);
        for (int t = 0; t < clients; t++) {
            Thread thread = new Thread(() -> {
                try {
                    while (System.nanoTime() < end) {
                        Query q = queries.get();
                        HttpRequest request = !raw ? HttpRequest.newBuilder(URI.create(q.api())).GET().build()
                                : q.rawPath() != null ? HttpRequest.newBuilder(URI.create(es + "/" + alias + q.rawPath())).GET().build()
                                : HttpRequest.newBuilder(URI.create(es + "/" + alias + "/_search"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(q.raw())).build();
                        long start = System.nanoTime();
                        HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() == 200) {
                            latencies.add(System.nanoTime() - start);
                        } else {
                            errors.incrementAndGet();
                        }
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                } finally {
                    done.countDown();
                }
            });
            thread.setDaemon(true);
            thread.start();
        }
        done.await();
        if (errors.get() > 0) {
            System.err.println(errors.get() + " failed requests (" + (raw ? "raw" : "api") + ")");
        }
        return BenchSupport.stats(latencies, millis);
    }
}
