package co.plaza.devservices;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A persistent embedded PostgreSQL (zonky binaries) whose cluster lives in one directory. zonky only runs initdb when
 * {@code postgresql.conf} is missing and {@code setCleanDataDirectory(false)} keeps the directory on close, so a
 * second start on the same directory reuses the data.
 */
final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    static final String DATABASE = "plaza";
    static final String USER = "postgres";
    static final String PASSWORD = "postgres"; // trust authentication: any password is accepted

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    /** System property: a cluster whose data may be lost on a crash (test runs), committing without waiting for disk. */
    static final String THROWAWAY = "plaza.devservices.throwaway";

    /**
     * Starts PostgreSQL on a free port with its cluster in {@code dataDirectory} (created by initdb on first use) and
     * creates database {@value #DATABASE} if missing. Output goes to {@code logFile}.
     */
    static EmbeddedPostgresServer start(Path dataDirectory, Path logFile) throws IOException {
        long t0 = System.nanoTime();
        Path dir = dataDirectory.toAbsolutePath().normalize();
        Files.createDirectories(dir.getParent());
        Files.createDirectories(logFile.toAbsolutePath().getParent());
        stopStalePostmaster(dir);
        prepareDataDirectory(dir);
        LOG.info("Starting embedded PostgreSQL in {}", dir);
        ProcessBuilder.Redirect log = ProcessBuilder.Redirect.appendTo(logFile.toFile());
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false) // DevServices' own hook stops it, in order
                .setPGStartupWait(Duration.ofSeconds(60))
                .setLocaleConfig("locale", "C") // independent of the host's LANG and installed locales
                // TCP only: no socket lock files in /tmp that could outlive a killed server
                .setServerConfig("unix_socket_directories", "''")
                .setServerConfig("listen_addresses", "localhost")
                // zonky turns synchronous_commit off; the platform's data must survive a crash, throwaway test
                // clusters need not (-Dplaza.devservices.throwaway=true, set by the test script and test JVMs)
                .setServerConfig("synchronous_commit", Boolean.getBoolean(THROWAWAY) ? "off" : "on")
                .setOutputRedirector(log)
                .setErrorRedirector(log)
                .start();
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(pg, dir);
        try {
            server.createDatabaseIfMissing();
        } catch (SQLException | RuntimeException e) {
            server.close();
            throw new IOException("PostgreSQL started but creating database " + DATABASE + " failed", e);
        }
        LOG.info("Embedded PostgreSQL ready on port {} in {} ms", pg.getPort(), (System.nanoTime() - t0) / 1_000_000);
        return server;
    }

    int port() {
        return postgres.getPort();
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port() + "/" + DATABASE;
    }

    Path dataDirectory() {
        return dataDirectory;
    }

    /** The postmaster's pid from postmaster.pid, if the file exists. */
    OptionalLong postmasterPid() {
        return readPostmasterPid(dataDirectory);
    }

    private void createDatabaseIfMissing() throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            ps.setString(1, DATABASE);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
            try (Statement st = c.createStatement()) {
                st.execute("CREATE DATABASE " + DATABASE);
                LOG.info("Created database {}", DATABASE);
            }
        }
    }

    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        OptionalLong pid = postmasterPid();
        try {
            postgres.close(); // pg_ctl stop -m fast -t 5 -w
        } catch (IOException | RuntimeException e) {
            LOG.warn("Stopping PostgreSQL with pg_ctl failed: {}", e.toString());
        }
        // pg_ctl gives up after 5 s; make sure nothing is left behind.
        if (pid.isPresent() && !Procs.waitAllGone(ProcessHandle.of(pid.getAsLong()).stream().toList(), Duration.ofSeconds(5))) {
            LOG.warn("PostgreSQL (pid {}) still running after pg_ctl stop; stopping it", pid.getAsLong());
            stopStalePostmaster(dataDirectory);
        }
        LOG.info("Embedded PostgreSQL stopped");
    }

    // ---- crash recovery -------------------------------------------------------------------------------------

    static OptionalLong readPostmasterPid(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        try {
            List<String> lines = Files.readAllLines(pidFile);
            if (!lines.isEmpty()) {
                return OptionalLong.of(Long.parseLong(lines.get(0).trim()));
            }
        } catch (IOException | NumberFormatException e) {
            // absent or half written
        }
        return OptionalLong.empty();
    }

    /**
     * If {@code postmaster.pid} names a live postgres (left by a JVM that died without stopping it), shuts it down:
     * SIGINT (fast shutdown), then SIGQUIT (immediate), then SIGKILL of the whole tree. A pid file naming a dead or
     * unrelated process is removed so that the new postmaster does not trip over a reused pid.
     */
    static void stopStalePostmaster(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        OptionalLong pid = readPostmasterPid(dataDirectory);
        if (pid.isEmpty()) {
            return;
        }
        long p = pid.getAsLong();
        String cmd = Procs.cmdline(p).orElse("");
        if (Procs.isAlive(p) && cmd.contains("postgres")) {
            LOG.warn("Found a PostgreSQL (pid {}) left running on {} by a previous run; stopping it", p, dataDirectory);
            List<ProcessHandle> tree = ProcessHandle.of(p).map(Procs::tree).orElse(List.of());
            Procs.signal(p, "INT");
            if (!Procs.waitAllGone(tree, Duration.ofSeconds(20))) {
                Procs.signal(p, "QUIT");
                if (!Procs.waitAllGone(tree, Duration.ofSeconds(5))) {
                    Procs.stopTrees(List.of(p), "KILL", Duration.ofSeconds(5));
                    tree.forEach(ProcessHandle::destroyForcibly);
                    Procs.waitAllGone(tree, Duration.ofSeconds(10));
                }
            }
        } else {
            LOG.info("Removing stale {} (pid {} is not a running postgres)", pidFile, p);
        }
        if (!Procs.isAlive(p) || !Procs.cmdline(p).orElse("").contains("postgres")) {
            try {
                Files.deleteIfExists(pidFile);
            } catch (IOException e) {
                LOG.warn("Could not delete {}: {}", pidFile, e.toString());
            }
        }
    }

    /** Removes zonky's lock file and sets aside a cluster directory that a crash left half-initialised. */
    private static void prepareDataDirectory(Path dir) throws IOException {
        Files.deleteIfExists(dir.resolve("epg-lock"));
        if (!Files.isDirectory(dir)) {
            return;
        }
        boolean empty;
        try (var s = Files.list(dir)) {
            empty = s.findAny().isEmpty();
        }
        boolean complete = Files.exists(dir.resolve("PG_VERSION")) && Files.exists(dir.resolve("global/pg_control"))
                && Files.exists(dir.resolve("postgresql.conf"));
        if (!empty && !complete) {
            Path aside = dir.resolveSibling(dir.getFileName() + ".broken-" + System.currentTimeMillis());
            LOG.warn("{} holds no complete PostgreSQL cluster (interrupted initdb?); moving it to {}", dir, aside);
            Files.move(dir, aside);
        }
    }
}
