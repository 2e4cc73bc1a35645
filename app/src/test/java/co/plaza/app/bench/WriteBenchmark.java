package co.plaza.app.bench;

import co.plaza.app.bench.BenchSupport.Operation;
import co.plaza.app.bench.BenchSupport.Stats;
import co.plaza.platform.test.HttpApi;
import co.plaza.platform.test.HttpApi.Response;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The write benchmark (README, Benchmarks): ad create and profile PATCH through the all-in-one API at 1 and 8
 * clients, with read-your-writes and with {@code X-Consistency: eventual}, beside raw JDBC insert+commit of a row
 * of the same shape on the same PostgreSQL; and projection lag (command accepted -> handled, the platform's
 * {@code plaza.projection.lag} histogram) at a paced 500 events/s of profile PATCHes. Below the table, per phase:
 * the server-side timers the platform exposes at /prometheus and each read model's lag; with {@code -Dbench.jfr=<dir>}
 * (and BENCH_APP_PID, set by scripts/bench.sh) each API phase is also recorded with JFR in the platform and
 * summarised by {@link JfrWaits}. Arguments (scripts/bench.sh): port, JDBC URL, user, password.
 */
public final class WriteBenchmark {

    private static final String PASSWORD = "Bench-Clave-Segura-1";
    private static final long PHASE_MILLIS = Long.getLong("bench.seconds", 10) * 1000;
    private static final int PACED_RATE = Integer.getInteger("bench.paced.rate", 500);
    private static final int PACED_CLIENTS = Integer.getInteger("bench.paced.clients", 32);
    private static final String JFR_DIR = System.getProperty("bench.jfr");
    private static final String JFR_PHASES = System.getProperty("bench.jfr.phases", ".*");
    private static final String[] EVENTUAL = {"X-Consistency", "eventual"};
    private static final String[] READ_YOUR_WRITES = {};

    record Client(String token, String profilePath) {
    }

    /** What one phase measured besides the latencies: the platform's metrics before and after. */
    record Phase(String name, Stats stats, Map<String, Double> before, Map<String, Double> after) {
    }

    private static int port;
    private static HttpApi api;
    private static String admin;
    private static final List<Phase> PHASES = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        port = Integer.parseInt(args[0]);
        String jdbcUrl = args[1];
        String user = args[2];
        String password = args.length > 3 ? args[3] : "";
        api = new HttpApi(port);
        admin = BenchSupport.adminToken(api);
        Response category = api.post("/api/categories/", HttpApi.body("name", "Bench " + suffix(), "slug", "bench-" + suffix()), admin);
        if (category.status() != 201) {
            throw new IllegalStateException("category: " + category);
        }
        String categoryId = category.text("id");
        List<Client> clients = new ArrayList<>();
        for (int i = 0; i < Math.max(8, PACED_CLIENTS); i++) {
            clients.add(newClient());
        }
        // warm-up of both paths
        load(clients.subList(0, 1), ad(categoryId, READ_YOUR_WRITES), 0, PHASE_MILLIS / 3, null);
        load(clients.subList(0, 1), patch(READ_YOUR_WRITES), 0, PHASE_MILLIS / 3, null);

        Map<String, Stats> results = new LinkedHashMap<>();
        for (String[] consistency : List.of(READ_YOUR_WRITES, EVENTUAL)) {
            for (int n : new int[]{1, 8}) {
                String name = "ad-create-" + label(consistency) + "-" + n;
                results.put(name, load(clients.subList(0, n), ad(categoryId, consistency), 0, PHASE_MILLIS, name));
            }
        }
        // the same without a category: what the category's shared stream costs
        results.put("ad-create-nocategory-ryw-8", load(clients.subList(0, 8), ad(null, READ_YOUR_WRITES), 0, PHASE_MILLIS,
                "ad-create-nocategory-ryw-8"));
        for (String[] consistency : List.of(READ_YOUR_WRITES, EVENTUAL)) {
            for (int n : new int[]{1, 8}) {
                String name = "profile-patch-" + label(consistency) + "-" + n;
                results.put(name, load(clients.subList(0, n), patch(consistency), 0, PHASE_MILLIS, name));
            }
        }
        Stats paced = load(clients.subList(0, PACED_CLIENTS), patch(EVENTUAL), PACED_RATE, PHASE_MILLIS, "profile-patch-paced");
        Thread.sleep(1000); // the last events' lag
        Phase pacedPhase = PHASES.get(PHASES.size() - 1);
        Map<String, Double> settled = BenchSupport.scrape(api, admin);
        PHASES.set(PHASES.size() - 1, new Phase(pacedPhase.name(), paced, pacedPhase.before(), settled));

        Map<Integer, Stats> rawAd = new LinkedHashMap<>();
        Map<Integer, Stats> rawProfile = new LinkedHashMap<>();
        for (int n : new int[]{1, 8}) {
            rawAd.put(n, rawAd(jdbcUrl, user, password, n));
            rawProfile.put(n, rawProfile(jdbcUrl, user, password, n));
        }

        String machine = Runtime.getRuntime().availableProcessors() + " cores, same machine as PostgreSQL and Elasticsearch";
        System.out.println();
        System.out.println("Write benchmark (all-in-one deployment, " + machine + ", " + PHASE_MILLIS / 1000 + " s per phase"
                + (JFR_DIR == null ? "" : ", API phases recorded with JFR") + ")");
        System.out.println();
        System.out.println("| write | consistency | clients | API ops/s | API p50 ms | API p99 ms | raw JDBC ops/s | raw p50 ms | ratio (ops/s) | failed | goal |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        for (String[] consistency : List.of(READ_YOUR_WRITES, EVENTUAL)) {
            for (int n : new int[]{1, 8}) {
                String goal = consistency == READ_YOUR_WRITES && n == 1 ? "p50 <= 15 ms" : consistency == READ_YOUR_WRITES ? ">= 300/s" : "";
                row("ad create (POST /api/adds/, one category)", consistency, n, results.get("ad-create-" + label(consistency) + "-" + n), rawAd.get(n), goal);
            }
        }
        row("ad create (POST /api/adds/, no category)", READ_YOUR_WRITES, 8, results.get("ad-create-nocategory-ryw-8"), rawAd.get(8), "");
        for (String[] consistency : List.of(READ_YOUR_WRITES, EVENTUAL)) {
            for (int n : new int[]{1, 8}) {
                String goal = n == 1 ? "" : consistency == READ_YOUR_WRITES ? ">= 500/s (ratio >= 0.1)" : ">= 1,000/s";
                row("profile update (PATCH)", consistency, n, results.get("profile-patch-" + label(consistency) + "-" + n), rawProfile.get(n), goal);
            }
        }
        for (int n : new int[]{1, 8}) {
            rawRow("raw JDBC insert+commit, add_view row shape", n, rawAd.get(n));
            rawRow("raw JDBC insert+commit, profile_view row shape", n, rawProfile.get(n));
        }
        Phase last = PHASES.get(PHASES.size() - 1);
        for (String processor : BenchSupport.processors(last.after())) {
            double[] lag = BenchSupport.lag(last.before(), last.after(), processor);
            if (lag[0] > 0) {
                System.out.printf("| projection lag, accepted -> handled (%s), profile PATCH paced at %d/s (achieved %.0f/s, %d clients, eventual) | | %d | | %.0f | %.0f | | | | %d | p99 < 100 ms |%n",
                        processor, PACED_RATE, paced.perSecond(), PACED_CLIENTS, PACED_CLIENTS, lag[1], lag[2], paced.failed());
            }
        }
        System.out.println();
        System.out.println("Ratio: API ops/s over raw ops/s at the same number of clients. Lag percentiles are the upper bounds of "
                + "the histogram buckets they fall in (event timestamp -> handler done).");
        details();
    }

    private static String label(String[] consistency) {
        return consistency == EVENTUAL ? "eventual" : "ryw";
    }

    private static void row(String what, String[] consistency, int clients, Stats api, Stats raw, String goal) {
        System.out.printf("| %s | %s | %d | %.0f | %.1f | %.1f | %.0f | %.2f | %.3f | %d | %s |%n", what,
                consistency == EVENTUAL ? "X-Consistency: eventual" : "read-your-writes", clients, api.perSecond(),
                api.p50Ms(), api.p99Ms(), raw.perSecond(), raw.p50Ms(), api.perSecond() / raw.perSecond(), api.failed(), goal);
    }

    private static void rawRow(String what, int clients, Stats raw) {
        System.out.printf("| %s | | %d | | | | %.0f | %.2f (p99 %.2f) | | | |%n", what, clients, raw.perSecond(), raw.p50Ms(), raw.p99Ms());
    }

    /** Per phase: the platform's own timers (server side) and each read model's lag. */
    private static void details() {
        System.out.println();
        System.out.println("Per phase, from /prometheus (deltas over the phase): server-side timers with samples, mean ms; read-model lag p50/p99 ms");
        System.out.println();
        System.out.println("| phase | client ops | timer | count | mean ms | max-bucket note |");
        System.out.println("|---|---|---|---|---|---|");
        for (Phase p : PHASES) {
            List<String[]> lines = new ArrayList<>();
            for (Map.Entry<String, Double> e : p.after().entrySet()) {
                String key = e.getKey();
                int at = key.indexOf("_seconds_count");
                if (at < 0 || key.startsWith("jvm_") || key.startsWith("plaza_projection_lag") || key.startsWith("hikaricp_connections_")
                        && !key.startsWith("hikaricp_connections_acquire") && !key.startsWith("hikaricp_connections_usage")) {
                    continue;
                }
                double count = e.getValue() - p.before().getOrDefault(key, 0.0);
                String sumKey = key.replace("_seconds_count", "_seconds_sum");
                double sum = p.after().getOrDefault(sumKey, 0.0) - p.before().getOrDefault(sumKey, 0.0);
                if (count > 0) {
                    lines.add(new String[]{key, String.valueOf(count), String.valueOf(sum * 1000 / count), String.valueOf(sum)});
                }
            }
            lines.sort((a, b) -> Double.compare(Double.parseDouble(b[3]), Double.parseDouble(a[3])));
            for (String[] l : lines.subList(0, Math.min(14, lines.size()))) {
                System.out.printf("| %s | %d | %s | %.0f | %.2f | |%n", p.name(), p.stats().count(), l[0].replace("|", "/"),
                        Double.parseDouble(l[1]), Double.parseDouble(l[2]));
            }
            for (String processor : BenchSupport.processors(p.after())) {
                double[] lag = BenchSupport.lag(p.before(), p.after(), processor);
                if (lag[0] > 0) {
                    System.out.printf("| %s | %d | lag %s | %.0f | p50 %.0f / p99 %.0f | |%n", p.name(), p.stats().count(), processor,
                            lag[0], lag[1], lag[2]);
                }
            }
        }
    }

    /** One client's write. */
    interface Write {
        boolean run(HttpApi http, Client client, int n);
    }

    private static Write ad(String categoryId, String[] headers) {
        return (http, client, n) -> {
            Map<String, Object> body = HttpApi.body("title", "Bicicleta " + n, "description", "Se vende en buen estado",
                    "price", "150000", "condition", "used", "latitude", 4.711, "longitude", -74.0721, "city", "Bogotá",
                    "address", "Calle 1");
            if (categoryId != null) {
                body.put("category", categoryId);
            }
            return http.post("/api/adds/", body, client.token(), headers).status() == 201;
        };
    }

    private static Write patch(String[] headers) {
        return (http, client, n) -> http.patch(client.profilePath(), HttpApi.body("city", "Ciudad " + (n % 50),
                "hourly_rate", 1000 + n), client.token(), headers).status() == 200;
    }

    /** Runs one phase; a named phase is reported (metrics before and after, JFR when asked). */
    private static Stats load(List<Client> clients, Write write, int rate, long millis, String name) throws Exception {
        List<Operation> bound = new ArrayList<>();
        for (Client c : clients) {
            bound.add((http, n) -> write.run(http, c, n));
        }
        Map<String, Double> before = name == null ? Map.of() : BenchSupport.scrape(api, admin);
        Path recording = name != null && JFR_DIR != null && name.matches(JFR_PHASES) ? startJfr(name) : null;
        Stats stats = BenchSupport.load(port, bound, rate, millis);
        if (recording != null) {
            stopJfr(name);
        }
        if (name != null) {
            PHASES.add(new Phase(name, stats, before, BenchSupport.scrape(api, admin)));
        }
        if (recording != null) {
            JfrWaits.report(recording, stats.count(), 25);
        }
        return stats;
    }

    private static Path startJfr(String name) throws Exception {
        Path file = Path.of(JFR_DIR).toAbsolutePath().resolve(name + ".jfr");
        Files.createDirectories(file.getParent());
        jcmd("JFR.start", "name=" + name, "settings=" + JfrWaits.settings(), "filename=" + file);
        return file;
    }

    private static void stopJfr(String name) throws Exception {
        jcmd("JFR.stop", "name=" + name);
    }

    private static void jcmd(String... command) throws Exception {
        String pid = System.getenv("BENCH_APP_PID");
        if (pid == null) {
            throw new IllegalStateException("-Dbench.jfr needs BENCH_APP_PID (scripts/bench.sh sets it)");
        }
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), pid));
        line.addAll(List.of(command));
        Process p = new ProcessBuilder(line).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("jcmd failed: " + out);
        }
    }

    private static Client newClient() throws InterruptedException {
        String name = "bench" + suffix();
        Response registered = api.post("/api/auth/register/", HttpApi.body("username", name, "email", name + "@example.com",
                "password", PASSWORD, "phone_number", "300" + (1_000_000 + (int) (Math.random() * 8_999_999)),
                "role", "specialist"), null);
        if (registered.status() != 201) {
            throw new IllegalStateException("register failed: " + registered);
        }
        String token = BenchSupport.login(api, name, PASSWORD);
        String userId = registered.text("id");
        for (int i = 0; i < 200; i++) {
            Response profile = api.get("/api/profiles/specialists/by-user/" + userId + "/", token);
            if (profile.status() == 200) {
                return new Client(token, "/api/profiles/specialists/" + profile.text("id") + "/");
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("no profile was provisioned for " + name);
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static Stats rawAd(String url, String user, String password, int clients) throws Exception {
        return BenchSupport.rawJdbc(url, user, password, """
                CREATE TABLE IF NOT EXISTS bench_ad_row (id UUID PRIMARY KEY, legacy_id BIGINT, user_id UUID NOT NULL,
                  title VARCHAR(200) NOT NULL, description TEXT NOT NULL, price NUMERIC(12,2), currency VARCHAR(3) NOT NULL,
                  condition VARCHAR(10) NOT NULL, status VARCHAR(10) NOT NULL, category_id UUID, latitude DOUBLE PRECISION,
                  longitude DOUBLE PRECISION, address VARCHAR(255) NOT NULL, city VARCHAR(100) NOT NULL,
                  deleted BOOLEAN NOT NULL, created_at TIMESTAMPTZ NOT NULL, updated_at TIMESTAMPTZ NOT NULL,
                  version BIGINT NOT NULL)""", """
                INSERT INTO bench_ad_row VALUES (?, NULL, ?, 'Bicicleta', 'Se vende en buen estado', 150000, 'COP', 'used',
                  'active', ?, 4.711, -74.0721, 'Calle 1', 'Bogotá', FALSE, now(), now(), 0)""", insert -> {
            insert.setObject(1, UUID.randomUUID());
            insert.setObject(2, UUID.randomUUID());
            insert.setObject(3, UUID.randomUUID());
        }, clients, PHASE_MILLIS);
    }

    private static Stats rawProfile(String url, String user, String password, int clients) throws Exception {
        // the shape of profile_view, in a table of its own
        return BenchSupport.rawJdbc(url, user, password, """
                CREATE TABLE IF NOT EXISTS bench_profile_row (id UUID PRIMARY KEY, kind VARCHAR(20) NOT NULL,
                  legacy_id BIGINT, user_id UUID NOT NULL, details JSONB NOT NULL, search_text TEXT NOT NULL,
                  deleted BOOLEAN NOT NULL, created_at TIMESTAMPTZ NOT NULL, updated_at TIMESTAMPTZ NOT NULL, version BIGINT NOT NULL)""",
                "INSERT INTO bench_profile_row VALUES (?, 'SPECIALIST', NULL, ?, ?::jsonb, ?, FALSE, now(), now(), 0)", insert -> {
                    insert.setObject(1, UUID.randomUUID());
                    insert.setObject(2, UUID.randomUUID());
                    insert.setString(3, "{\"@kind\":\"specialist\",\"city\":\"Ciudad\",\"hourlyRate\":1000}");
                    insert.setString(4, "ciudad");
                }, clients, PHASE_MILLIS);
    }
}
