package co.plaza.app.bench;

import co.plaza.platform.test.HttpApi;
import co.plaza.platform.test.HttpApi.Response;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The identity benchmark (README, Benchmarks): profile updates through the all-in-one API at 1 and 8 clients
 * beside raw JDBC insert+commit of rows of the same shape, and projection lag at a paced 500 events/s read
 * from the platform's {@code plaza.projection.lag} histogram. Arguments: port, JDBC URL, user, password.
 */
public final class IdentityBenchmark {

    private static final String PASSWORD = "Bench-Clave-Segura-1";
    private static final long PHASE_MILLIS = Long.getLong("bench.seconds", 10) * 1000;

    record Stats(double perSecond, double p50Ms, double p99Ms) {
    }

    record Client(String token, String profilePath) {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        PORT.set(port);
        String jdbcUrl = args[1];
        String user = args[2];
        String password = args.length > 3 ? args[3] : "";
        HttpApi api = new HttpApi(port);
        String admin = login(api, System.getenv().getOrDefault("PLAZA_ADMIN_USERNAME", "bench-admin"),
                System.getenv().getOrDefault("PLAZA_ADMIN_PASSWORD", "Bench-Admin-Clave-1"));
        List<Client> clients = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            clients.add(newClient(api));
        }
        run(clients.subList(0, 1), 0, PHASE_MILLIS / 3); // warm-up

        Stats api1 = run(clients.subList(0, 1), 0, PHASE_MILLIS);
        Stats api8 = run(clients.subList(0, 8), 0, PHASE_MILLIS);
        Stats eventual1 = run(clients.subList(0, 1), 0, PHASE_MILLIS, "X-Consistency", "eventual");
        Stats eventual8 = run(clients.subList(0, 8), 0, PHASE_MILLIS, "X-Consistency", "eventual");
        Stats jdbc1 = rawJdbc(jdbcUrl, user, password, 1);
        Stats jdbc8 = rawJdbc(jdbcUrl, user, password, 8);

        Map<Double, Long> before = lagHistogram(api, admin);
        Stats paced = run(clients, 500, PHASE_MILLIS);
        Thread.sleep(1000);
        Map<Double, Long> after = lagHistogram(api, admin);
        double[] lag = percentiles(before, after);

        String machine = Runtime.getRuntime().availableProcessors() + " cores, same machine as the database and Elasticsearch";
        System.out.println();
        System.out.println("Identity benchmark (all-in-one deployment, " + machine + ", " + PHASE_MILLIS / 1000 + " s per phase)");
        System.out.println();
        System.out.println("| measurement | clients | ops/s | p50 ms | p99 ms | raw JDBC ops/s | ratio | goal |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        row("profile update (PATCH, read-your-writes)", 1, api1, jdbc1, "ratio >= 0.5");
        row("profile update (PATCH, read-your-writes)", 8, api8, jdbc8, "ratio >= 0.5");
        row("profile update (PATCH, X-Consistency: eventual)", 1, eventual1, jdbc1, "ratio >= 0.5");
        row("profile update (PATCH, X-Consistency: eventual)", 8, eventual8, jdbc8, "ratio >= 0.5");
        System.out.printf("| raw JDBC insert+commit, same row shape | 1 | %.0f | %.2f | %.2f | | | |%n", jdbc1.perSecond, jdbc1.p50Ms, jdbc1.p99Ms);
        System.out.printf("| raw JDBC insert+commit, same row shape | 8 | %.0f | %.2f | %.2f | | | |%n", jdbc8.perSecond, jdbc8.p50Ms, jdbc8.p99Ms);
        System.out.printf("| projection lag, command accepted -> visible (profiles-projection), paced at 500 events/s (achieved %.0f/s) | 16 | | %.1f | %.1f | | | p99 < 100 ms |%n",
                paced.perSecond, lag[0], lag[1]);
        System.out.println();
        System.out.println("Lag percentiles are the upper bounds of the histogram buckets they fall in.");
    }

    private static void row(String what, int clients, Stats api, Stats jdbc, String goal) {
        System.out.printf("| %s | %d | %.0f | %.2f | %.2f | %.0f | %.2f | %s |%n", what, clients, api.perSecond, api.p50Ms,
                api.p99Ms, jdbc.perSecond, api.perSecond / jdbc.perSecond, goal);
    }

    private static String login(HttpApi api, String username, String password) {
        Response r = api.post("/api/auth/login/", HttpApi.body("username", username, "password", password), null);
        if (r.status() != 200) {
            throw new IllegalStateException("login of " + username + " failed: " + r);
        }
        return r.text("token");
    }

    private static Client newClient(HttpApi api) throws InterruptedException {
        String name = "bench" + UUID.randomUUID().toString().substring(0, 8);
        Response registered = api.post("/api/auth/register/", HttpApi.body("username", name, "email", name + "@example.com",
                "password", PASSWORD, "phone_number", "300" + (1_000_000 + (int) (Math.random() * 8_999_999)),
                "role", "specialist"), null);
        if (registered.status() != 201) {
            throw new IllegalStateException("register failed: " + registered);
        }
        String token = login(api, name, PASSWORD);
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

    /** Closed loop when {@code ratePerSecond} is 0, else each client paced to its share of the rate. */
    private static Stats run(List<Client> clients, int ratePerSecond, long millis, String... headers) throws InterruptedException {
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong errors = new AtomicLong();
        long end = System.nanoTime() + millis * 1_000_000;
        CountDownLatch done = new CountDownLatch(clients.size());
        long intervalNanos = ratePerSecond == 0 ? 0 : 1_000_000_000L * clients.size() / ratePerSecond;
        for (Client client : clients) {
            startThread(() -> {
                HttpApi api = new HttpApi(PORT.get());
                long next = System.nanoTime();
                int n = 0;
                while (System.nanoTime() < end) {
                    if (intervalNanos > 0) {
                        long wait = next - System.nanoTime();
                        if (wait > 0) {
                            java.util.concurrent.locks.LockSupport.parkNanos(wait);
                        }
                        next += intervalNanos;
                    }
                    long start = System.nanoTime();
                    Response r = api.patch(client.profilePath(), HttpApi.body("city", "Ciudad " + (n++ % 50),
                            "hourly_rate", 1000 + n), client.token(), headers);
                    if (r.status() == 200) {
                        latencies.add(System.nanoTime() - start);
                    } else {
                        errors.incrementAndGet();
                    }
                }
                done.countDown();
            });
        }
        done.await();
        if (errors.get() > 0) {
            System.err.println(errors.get() + " requests failed");
        }
        return stats(latencies, millis);
    }

    private static Stats rawJdbc(String url, String user, String password, int clients) throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            // the shape of profile_view, in a table of its own
            s.execute("CREATE TABLE IF NOT EXISTS bench_profile_row (id UUID PRIMARY KEY, kind VARCHAR(20) NOT NULL, "
                    + "legacy_id BIGINT, user_id UUID NOT NULL, details JSONB NOT NULL, search_text TEXT NOT NULL, "
                    + "deleted BOOLEAN NOT NULL, created_at TIMESTAMPTZ NOT NULL, updated_at TIMESTAMPTZ NOT NULL, version BIGINT NOT NULL)");
        }
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        long end = System.nanoTime() + PHASE_MILLIS * 1_000_000;
        CountDownLatch done = new CountDownLatch(clients);
        for (int t = 0; t < clients; t++) {
            startThread(() -> {
                try (Connection c = DriverManager.getConnection(url, user, password)) {
                    c.setAutoCommit(false);
                    PreparedStatement insert = c.prepareStatement("INSERT INTO bench_profile_row VALUES (?, 'SPECIALIST', NULL, ?, "
                            + "?::jsonb, ?, FALSE, now(), now(), 0)");
                    while (System.nanoTime() < end) {
                        long start = System.nanoTime();
                        insert.setObject(1, UUID.randomUUID());
                        insert.setObject(2, UUID.randomUUID());
                        insert.setString(3, "{\"@kind\":\"specialist\",\"city\":\"Ciudad\",\"hourlyRate\":1000}");
                        insert.setString(4, "ciudad");
                        insert.executeUpdate();
                        c.commit();
                        latencies.add(System.nanoTime() - start);
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        return stats(latencies, PHASE_MILLIS);
    }

    private static Stats stats(ConcurrentLinkedQueue<Long> latencies, long millis) {
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length == 0) {
            return new Stats(0, 0, 0);
        }
        return new Stats(sorted.length * 1000.0 / millis, sorted[(int) (sorted.length * 0.50)] / 1e6,
                sorted[Math.min(sorted.length - 1, (int) (sorted.length * 0.99))] / 1e6);
    }

    /** Cumulative bucket counts of plaza_projection_lag for the profiles projection, by upper bound in ms. */
    private static Map<Double, Long> lagHistogram(HttpApi api, String adminToken) {
        Response metrics = api.get("/prometheus", adminToken);
        Map<Double, Long> buckets = new TreeMap<>();
        for (String line : metrics.raw().split("\n")) {
            if (line.startsWith("plaza_projection_lag_seconds_bucket") && line.contains("processor=\"profiles-projection\"")) {
                String le = line.replaceAll(".*le=\"([^\"]+)\".*", "$1");
                double bound = le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le) * 1000;
                buckets.put(bound, (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)));
            }
        }
        return buckets;
    }

    private static double[] percentiles(Map<Double, Long> before, Map<Double, Long> after) {
        List<Double> bounds = new ArrayList<>(after.keySet());
        long total = after.getOrDefault(Double.POSITIVE_INFINITY, 0L) - before.getOrDefault(Double.POSITIVE_INFINITY, 0L);
        double[] result = new double[2];
        double[] wanted = {0.50, 0.99};
        for (int w = 0; w < wanted.length; w++) {
            for (double bound : bounds) {
                long count = after.get(bound) - before.getOrDefault(bound, 0L);
                if (total > 0 && count >= wanted[w] * total) {
                    result[w] = bound;
                    break;
                }
            }
        }
        System.err.println("lag samples in paced phase: " + total + " " + Arrays.toString(result));
        return result;
    }

    private static void startThread(Runnable body) {
        Thread thread = new Thread(body);
        thread.setDaemon(true);
        thread.start();
    }

    static final java.util.concurrent.atomic.AtomicInteger PORT = new java.util.concurrent.atomic.AtomicInteger();
}
