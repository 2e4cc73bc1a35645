package co.plaza.app.bench;

import co.plaza.platform.test.HttpApi;
import co.plaza.platform.test.HttpApi.Response;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/** What the benchmark clients share: closed and paced load loops, percentiles, raw JDBC, the platform's metrics. */
final class BenchSupport {

    private BenchSupport() {
    }

    record Stats(double perSecond, double p50Ms, double p99Ms, long count, long failed) {
        Stats withFailed(long n) {
            return new Stats(perSecond, p50Ms, p99Ms, count, n);
        }
    }

    /** One client's next operation; true when it succeeded. */
    interface Operation {
        boolean run(HttpApi api, int n) throws Exception;
    }

    static String login(HttpApi api, String username, String password) {
        Response r = api.post("/api/auth/login/", HttpApi.body("username", username, "password", password), null);
        if (r.status() != 200) {
            throw new IllegalStateException("login of " + username + " failed: " + r);
        }
        return r.text("token");
    }

    static String adminToken(HttpApi api) {
        return login(api, System.getenv().getOrDefault("PLAZA_ADMIN_USERNAME", "bench-admin"),
                System.getenv().getOrDefault("PLAZA_ADMIN_PASSWORD", "Bench-Admin-Clave-1"));
    }

    /**
     * One thread per operation for {@code millis}; a closed loop when {@code ratePerSecond} is 0, else each thread
     * paced to its share of the rate.
     */
    static Stats load(int port, List<? extends Operation> clients, int ratePerSecond, long millis) throws InterruptedException {
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong errors = new AtomicLong();
        long end = System.nanoTime() + millis * 1_000_000;
        CountDownLatch done = new CountDownLatch(clients.size());
        long intervalNanos = ratePerSecond == 0 ? 0 : 1_000_000_000L * clients.size() / ratePerSecond;
        for (Operation client : clients) {
            startThread(() -> {
                HttpApi api = new HttpApi(port);
                long next = System.nanoTime();
                int n = 0;
                try {
                    while (System.nanoTime() < end) {
                        if (intervalNanos > 0) {
                            long wait = next - System.nanoTime();
                            if (wait > 0) {
                                LockSupport.parkNanos(wait);
                            }
                            next += intervalNanos;
                        }
                        long start = System.nanoTime();
                        if (client.run(api, n++)) {
                            latencies.add(System.nanoTime() - start);
                        } else {
                            errors.incrementAndGet();
                        }
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                    e.printStackTrace();
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        if (errors.get() > 0) {
            System.err.println(errors.get() + " requests failed");
        }
        return stats(latencies, millis).withFailed(errors.get());
    }

    /** Binds one row's parameters. */
    interface Row {
        void bind(PreparedStatement insert) throws SQLException;
    }

    /** Insert+commit of one row per transaction by {@code clients} connections, into a table created by {@code ddl}. */
    static Stats rawJdbc(String url, String user, String password, String ddl, String insertSql, Row row, int clients,
                         long millis) throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute(ddl);
        }
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        long end = System.nanoTime() + millis * 1_000_000;
        CountDownLatch done = new CountDownLatch(clients);
        for (int t = 0; t < clients; t++) {
            startThread(() -> {
                try (Connection c = DriverManager.getConnection(url, user, password)) {
                    c.setAutoCommit(false);
                    PreparedStatement insert = c.prepareStatement(insertSql);
                    while (System.nanoTime() < end) {
                        long start = System.nanoTime();
                        row.bind(insert);
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
        return stats(latencies, millis);
    }

    static Stats stats(Collection<Long> latenciesNanos, long millis) {
        long[] sorted = latenciesNanos.stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length == 0) {
            return new Stats(0, Double.NaN, Double.NaN, 0, 0);
        }
        return new Stats(sorted.length * 1000.0 / millis, sorted[sorted.length / 2] / 1e6,
                sorted[Math.min(sorted.length - 1, (int) (sorted.length * 0.99))] / 1e6, sorted.length, 0);
    }

    /** The platform's Prometheus scrape (admins only): sample line without its value -> value. */
    static Map<String, Double> scrape(HttpApi api, String adminToken) {
        Response metrics = api.get("/prometheus", adminToken);
        Map<String, Double> samples = new TreeMap<>();
        for (String line : metrics.raw().split("\n")) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            try {
                samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
            } catch (NumberFormatException ignored) {
                // a sample we do not read
            }
        }
        return samples;
    }

    /**
     * p50 and p99 (ms) of the {@code plaza_projection_lag} histogram of one processor between two scrapes: the upper
     * bounds of the buckets they fall in; {@code [count, p50, p99]}.
     */
    static double[] lag(Map<String, Double> before, Map<String, Double> after, String processor) {
        Map<Double, Double> buckets = new TreeMap<>();
        for (Map.Entry<String, Double> e : after.entrySet()) {
            String key = e.getKey();
            if (key.startsWith("plaza_projection_lag_seconds_bucket") && key.contains("processor=\"" + processor + "\"")) {
                String le = key.replaceAll(".*le=\"([^\"]+)\".*", "$1");
                double bound = le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le) * 1000;
                buckets.put(bound, e.getValue() - before.getOrDefault(key, 0.0));
            }
        }
        double total = buckets.getOrDefault(Double.POSITIVE_INFINITY, 0.0);
        double[] result = {total, Double.NaN, Double.NaN};
        double[] wanted = {0.50, 0.99};
        for (int w = 0; w < wanted.length; w++) {
            for (Map.Entry<Double, Double> b : buckets.entrySet()) {
                if (total > 0 && b.getValue() >= wanted[w] * total) {
                    result[w + 1] = b.getKey();
                    break;
                }
            }
        }
        return result;
    }

    /** The processors that report a lag. */
    static List<String> processors(Map<String, Double> samples) {
        List<String> names = new ArrayList<>();
        for (String key : samples.keySet()) {
            if (key.startsWith("plaza_projection_lag_seconds_count")) {
                String name = key.replaceAll(".*processor=\"([^\"]+)\".*", "$1");
                if (!names.contains(name)) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    static void startThread(Runnable body) {
        Thread thread = new Thread(body);
        thread.setDaemon(true);
        thread.start();
    }
}
