package co.plaza.devservices;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes PostgreSQL and Elasticsearch available to the platform and its tests, without Docker.
 *
 * <p>Each service comes from the environment when configured there ({@code DATABASE_URL} [+ {@code DATABASE_USER},
 * {@code DATABASE_PASSWORD}], {@code ELASTICSEARCH_URL}); otherwise an embedded one is started whose files live in a
 * data directory: {@code postgres/} (cluster), {@code elasticsearch-<version>/}, {@code es-data/}, {@code es-logs/},
 * {@code run/} (pid files, console logs, lock). Everything started is stopped by a JVM shutdown hook; processes left
 * over by a JVM that was killed are stopped on the next start.
 */
public final class DevServices {

    private static final Logger LOG = LoggerFactory.getLogger(DevServices.class);

    public static final String ENV_DATABASE_URL = "DATABASE_URL";
    public static final String ENV_DATABASE_USER = "DATABASE_USER";
    public static final String ENV_DATABASE_PASSWORD = "DATABASE_PASSWORD";
    public static final String ENV_ELASTICSEARCH_URL = "ELASTICSEARCH_URL";
    public static final String ELASTICSEARCH_VERSION = EmbeddedElasticsearch.VERSION;

    /** Where the services are. {@link #toString()} hides the password. */
    public record Endpoints(String jdbcUrl, String username, String password, String elasticsearchUrl) {

        /** DATABASE_URL, DATABASE_USER, DATABASE_PASSWORD, ELASTICSEARCH_URL, in that order. */
        public Map<String, String> asEnvironment() {
            Map<String, String> env = new LinkedHashMap<>();
            env.put(ENV_DATABASE_URL, jdbcUrl);
            env.put(ENV_DATABASE_USER, username);
            env.put(ENV_DATABASE_PASSWORD, password);
            env.put(ENV_ELASTICSEARCH_URL, elasticsearchUrl);
            return env;
        }

        @Override
        public String toString() {
            // a postgres:// URL passed through from the environment may carry the password in its user info
            String url = jdbcUrl == null ? null : jdbcUrl.replaceFirst("//[^/@]*@", "//****@");
            return "Endpoints[jdbcUrl=" + url + ", username=" + username + ", password="
                    + (password == null || password.isEmpty() ? "" : "****") + ", elasticsearchUrl=" + elasticsearchUrl + "]";
        }
    }

    private static final ReentrantLock LOCK = new ReentrantLock();
    private static final Map<Path, Instance> RUNNING = new ConcurrentHashMap<>();
    private static final List<Path> DELETE_AT_EXIT = new CopyOnWriteArrayList<>();
    private static final AtomicBoolean HOOK_INSTALLED = new AtomicBoolean();
    private static volatile boolean shuttingDown;
    private static volatile Endpoints testEndpoints;

    private DevServices() {
    }

    /**
     * Returns the endpoints, starting embedded PostgreSQL and/or Elasticsearch in {@code dataDir} for whichever is
     * not configured in the environment. Data persists across restarts. Calling it again for the same directory in
     * the same JVM returns the running services. Fails fast if another process uses {@code dataDir}.
     *
     * @throws IllegalStateException if a service cannot be started (the message says why)
     */
    public static Endpoints ensure(Path dataDir) {
        return ensure(dataDir, System.getenv());
    }

    /**
     * For test JVMs: the services named by DATABASE_URL/ELASTICSEARCH_URL (the test script starts one of each for
     * the whole build and sets them), else embedded ones started once per JVM in a temporary directory that is
     * deleted at exit.
     */
    public static Endpoints ensureForTests() {
        Endpoints e = testEndpoints;
        if (e != null) {
            return e;
        }
        synchronized (DevServices.class) {
            if (testEndpoints == null) {
                Map<String, String> env = System.getenv();
                if (isSet(env.get(ENV_DATABASE_URL)) && isSet(env.get(ENV_ELASTICSEARCH_URL))) {
                    testEndpoints = ensure(null, env);
                } else {
                    System.setProperty(EmbeddedPostgresServer.THROWAWAY, "true");
                    Path tmp;
                    try {
                        // world-traversable: Elasticsearch may run as another user below it
                        tmp = Files.createTempDirectory("plaza-devservices-",
                                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
                    } catch (IOException ex) {
                        throw new UncheckedIOException(ex);
                    }
                    installShutdownHook();
                    DELETE_AT_EXIT.add(tmp);
                    testEndpoints = ensure(tmp, env);
                }
            }
            return testEndpoints;
        }
    }

    /** Stops the services that {@link #ensure(Path)} started in {@code dataDir} (no-op if none). */
    public static void stop(Path dataDir) {
        Instance instance = RUNNING.remove(dataDir.toAbsolutePath().normalize());
        if (instance != null) {
            instance.close();
        }
    }

    /** Stops everything started by this JVM (also done by the shutdown hook). */
    public static void stopAll() {
        for (Path dir : new ArrayList<>(RUNNING.keySet())) {
            stop(dir);
        }
    }

    static Endpoints ensure(Path dataDir, Map<String, String> env) {
        // what the environment configures is passed on as it is: the platform parses DATABASE_URL's two forms
        External jdbc = isSet(env.get(ENV_DATABASE_URL))
                ? new External(env.get(ENV_DATABASE_URL), env.get(ENV_DATABASE_USER), env.get(ENV_DATABASE_PASSWORD))
                : null;
        String esUrl = isSet(env.get(ENV_ELASTICSEARCH_URL)) ? env.get(ENV_ELASTICSEARCH_URL) : null;
        if (jdbc != null && esUrl != null) {
            return new Endpoints(jdbc.url(), jdbc.username(), jdbc.password(), esUrl);
        }
        if (dataDir == null) {
            throw new IllegalArgumentException("A data directory is needed to start embedded services");
        }
        Path dir = dataDir.toAbsolutePath().normalize();
        LOCK.lock();
        try {
            if (shuttingDown) {
                throw new IllegalStateException("JVM is shutting down");
            }
            Instance running = RUNNING.get(dir);
            if (running != null) {
                return running.endpoints;
            }
            installShutdownHook();
            Instance instance = new Instance(dir);
            instance.lock();
            RUNNING.put(dir, instance);
            try {
                instance.endpoints = instance.start(jdbc, esUrl);
                return instance.endpoints;
            } catch (RuntimeException e) {
                RUNNING.remove(dir);
                instance.close();
                throw e;
            }
        } finally {
            LOCK.unlock();
        }
    }

    private record External(String url, String username, String password) {
    }

    private static boolean isSet(String s) {
        return s != null && !s.isBlank();
    }

    private static void installShutdownHook() {
        if (HOOK_INSTALLED.getAndSet(true)) {
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            shuttingDown = true;
            for (Instance instance : RUNNING.values()) {
                instance.close();
            }
            for (Path p : DELETE_AT_EXIT) {
                try {
                    EmbeddedElasticsearch.deleteRecursively(p);
                } catch (IOException | RuntimeException e) {
                    LOG.warn("Could not delete {}: {}", p, e.toString());
                }
            }
        }, "plaza-devservices-shutdown"));
    }

    /** The services started in one data directory, plus the lock that keeps other processes out of it. */
    private static final class Instance {
        private final Path dir;
        private final Path runDir;
        private FileChannel lockChannel;
        private FileLock lock;
        private volatile EmbeddedElasticsearch elasticsearch;
        private volatile EmbeddedPostgresServer postgres;
        private volatile Endpoints endpoints;
        private boolean closed;

        Instance(Path dir) {
            this.dir = dir;
            this.runDir = dir.resolve("run");
        }

        void lock() {
            Path lockFile = runDir.resolve("devservices.lock");
            try {
                Files.createDirectories(runDir);
                lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.READ);
                try {
                    lock = lockChannel.tryLock();
                } catch (OverlappingFileLockException e) {
                    lock = null;
                }
                if (lock == null) {
                    String holder = "";
                    try {
                        holder = Files.readString(lockFile).trim();
                    } catch (IOException ignored) {
                        // best effort
                    }
                    lockChannel.close();
                    throw new IllegalStateException("Data directory " + dir + " is in use by another process"
                            + (holder.isEmpty() ? "" : " (pid " + holder + ")")
                            + ": stop it first, or use another data directory (PLAZA_DATA_DIR)");
                }
                lockChannel.truncate(0);
                lockChannel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)));
                lockChannel.force(false);
            } catch (IOException e) {
                throw new IllegalStateException("Cannot lock " + lockFile + ": " + e, e);
            }
        }

        Endpoints start(External externalDb, String externalEs) {
            long t0 = System.nanoTime();
            // PostgreSQL starts in the background while Elasticsearch (the slow one) starts here.
            CompletableFuture<EmbeddedPostgresServer> pg = externalDb != null ? CompletableFuture.completedFuture(null)
                    : CompletableFuture.supplyAsync(() -> {
                        try {
                            return registerPostgres(EmbeddedPostgresServer.start(dir.resolve("postgres"),
                                    runDir.resolve("postgres.log")));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }, r -> {
                        Thread t = new Thread(r, "plaza-devservices-postgres");
                        t.setDaemon(true);
                        t.start();
                    });
            String esUrl = externalEs;
            RuntimeException esFailure = null;
            if (esUrl == null) {
                EmbeddedElasticsearch es = new EmbeddedElasticsearch(dir);
                synchronized (this) {
                    if (closed) {
                        throw new IllegalStateException("Shutting down");
                    }
                    elasticsearch = es;
                }
                try {
                    es.start(esStartTimeout());
                    esUrl = es.url();
                } catch (IOException | RuntimeException e) {
                    esFailure = new IllegalStateException("Could not start Elasticsearch in " + dir + ": "
                            + e.getMessage(), e);
                }
            }
            EmbeddedPostgresServer server;
            try {
                server = pg.join();
            } catch (CompletionException e) {
                Throwable cause = e.getCause() instanceof UncheckedIOException u ? u.getCause() : e.getCause();
                IllegalStateException pgFailure = new IllegalStateException("Could not start PostgreSQL in "
                        + dir.resolve("postgres") + ": " + cause + " (see " + runDir.resolve("postgres.log") + ")", cause);
                if (esFailure != null) {
                    pgFailure.addSuppressed(esFailure);
                }
                throw pgFailure;
            }
            if (esFailure != null) {
                throw esFailure;
            }
            LOG.info("Dev services ready in {} ms", (System.nanoTime() - t0) / 1_000_000);
            return externalDb != null
                    ? new Endpoints(externalDb.url(), externalDb.username(), externalDb.password(), esUrl)
                    : new Endpoints(server.jdbcUrl(), EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD, esUrl);
        }

        private EmbeddedPostgresServer registerPostgres(EmbeddedPostgresServer server) {
            synchronized (this) {
                if (!closed) {
                    postgres = server;
                    return server;
                }
            }
            server.close(); // shut down while it was starting
            throw new IllegalStateException("Shutting down");
        }

        void close() {
            EmbeddedElasticsearch es;
            EmbeddedPostgresServer pg;
            synchronized (this) {
                if (closed) {
                    return;
                }
                closed = true;
                es = elasticsearch;
                pg = postgres;
            }
            if (es != null) {
                try {
                    es.close();
                } catch (RuntimeException e) {
                    LOG.warn("Stopping Elasticsearch failed", e);
                }
            }
            if (pg != null) {
                try {
                    pg.close();
                } catch (RuntimeException e) {
                    LOG.warn("Stopping PostgreSQL failed", e);
                }
            }
            try {
                if (lock != null) {
                    lock.release();
                }
                if (lockChannel != null) {
                    lockChannel.close();
                }
            } catch (IOException e) {
                LOG.debug("Releasing the lock of {} failed", dir, e);
            }
        }
    }

    private static Duration esStartTimeout() {
        String s = System.getenv("PLAZA_ES_START_TIMEOUT");
        try {
            return Duration.ofSeconds(s == null || s.isBlank() ? 90 : Long.parseLong(s.trim()));
        } catch (NumberFormatException e) {
            return Duration.ofSeconds(90);
        }
    }
}
