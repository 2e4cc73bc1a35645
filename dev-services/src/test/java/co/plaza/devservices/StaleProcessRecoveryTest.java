package co.plaza.devservices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A platform JVM killed with SIGKILL leaves PostgreSQL and Elasticsearch running; the next start on the same data
 * directory must stop them, reuse the data, and a SIGTERM must then stop everything. Runs DevServicesMain in child
 * JVMs so that this JVM is the one doing the killing.
 */
class StaleProcessRecoveryTest {

    @TempDir
    Path tmp;

    private Process child;

    @AfterEach
    void cleanUp() {
        if (child != null && child.isAlive()) {
            child.destroyForcibly();
        }
        // whatever happened, leave no processes behind
        EmbeddedElasticsearch.stopStale(tmp.resolve("data"));
        EmbeddedPostgresServer.stopStalePostmaster(tmp.resolve("data/postgres"));
    }

    @Test
    void killedPlatformDoesNotBlockTheNextStart() throws Exception {
        Path data = tmp.resolve("data");

        // 1st platform: start, write some data, then die without any chance to clean up
        long t0 = System.nanoTime();
        child = startMain(data, tmp.resolve("first.env"), tmp.resolve("first.log"));
        Map<String, String> first = awaitEnv(tmp.resolve("first.env"), tmp.resolve("first.log"));
        System.out.printf("first start (unpack + initdb) took %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        sql(first, "CREATE TABLE survivor (id int)", "INSERT INTO survivor VALUES (7)");
        long oldPostgres = EmbeddedPostgresServer.readPostmasterPid(data.resolve("postgres")).orElseThrow();
        List<Long> oldElasticsearch = Files.readAllLines(data.resolve("run/elasticsearch.pid")).stream()
                .filter(s -> !s.isBlank()).map(Long::parseLong).toList();
        assertThat(oldElasticsearch).isNotEmpty();

        child.destroyForcibly(); // SIGKILL: no shutdown hook runs
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(Procs.isAlive(oldPostgres)).as("orphaned postgres").isTrue();
        assertThat(oldElasticsearch).allMatch(Procs::isAlive);

        // 2nd platform on the same directory: stops the orphans, reuses the data
        t0 = System.nanoTime();
        child = startMain(data, tmp.resolve("second.env"), tmp.resolve("second.log"));
        Map<String, String> second = awaitEnv(tmp.resolve("second.env"), tmp.resolve("second.log"));
        System.out.printf("restart after SIGKILL took %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        assertThat(Procs.isAlive(oldPostgres)).as("stale postgres stopped").isFalse();
        assertThat(oldElasticsearch).noneMatch(Procs::isAlive);
        assertThat(queryInt(second, "SELECT id FROM survivor")).isEqualTo(7);
        assertThat(clusterHealth(second.get("ELASTICSEARCH_URL"))).contains("\"status\":\"green\"");

        // a second platform on the same directory fails fast instead of corrupting it
        assertThatThrownBy(() -> DevServices.ensure(data, Map.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("in use by another process");

        // SIGTERM stops everything
        long newPostgres = EmbeddedPostgresServer.readPostmasterPid(data.resolve("postgres")).orElseThrow();
        List<Long> newElasticsearch = Files.readAllLines(data.resolve("run/elasticsearch.pid")).stream()
                .filter(s -> !s.isBlank()).map(Long::parseLong).toList();
        t0 = System.nanoTime();
        child.destroy();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        System.out.printf("stop on SIGTERM took %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        assertThat(Procs.isAlive(newPostgres)).isFalse();
        assertThat(newElasticsearch).noneMatch(Procs::isAlive);
        assertThat(data.resolve("postgres/postmaster.pid")).doesNotExist();
        assertThat(tmp.resolve("second.env")).doesNotExist();
    }

    private Process startMain(Path data, Path envFile, Path log) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                DevServicesMain.class.getName(), data.toString(), "--env-file", envFile.toString(),
                "--watch-pid", Long.toString(ProcessHandle.current().pid()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        for (String k : List.of("DATABASE_URL", "DATABASE_USER", "DATABASE_PASSWORD", "ELASTICSEARCH_URL",
                "JAVA_TOOL_OPTIONS")) {
            pb.environment().remove(k);
        }
        return pb.start();
    }

    private Map<String, String> awaitEnv(Path envFile, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        while (!Files.exists(envFile)) {
            if (!child.isAlive()) {
                throw new AssertionError("DevServicesMain exited with " + child.exitValue() + ":\n" + Files.readString(log));
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("DevServicesMain not ready in time:\n" + Files.readString(log));
            }
            Thread.sleep(200);
        }
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : Files.readAllLines(envFile)) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                env.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        assertThat(env).containsKeys("DATABASE_URL", "DATABASE_USER", "DATABASE_PASSWORD", "ELASTICSEARCH_URL");
        return env;
    }

    private static Connection connect(Map<String, String> env) throws Exception {
        return DriverManager.getConnection(env.get("DATABASE_URL"), env.get("DATABASE_USER"), env.get("DATABASE_PASSWORD"));
    }

    private static void sql(Map<String, String> env, String... statements) throws Exception {
        try (Connection c = connect(env); Statement st = c.createStatement()) {
            for (String s : statements) {
                st.execute(s);
            }
        }
    }

    private static int queryInt(Map<String, String> env, String query) throws Exception {
        try (Connection c = connect(env); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
            assertThat(rs.next()).isTrue();
            return rs.getInt(1);
        }
    }

    private static String clusterHealth(String url) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(url + "/_cluster/health?wait_for_status=green&timeout=20s"))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        return r.body();
    }
}
