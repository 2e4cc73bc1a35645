package co.plaza.devservices;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Elasticsearch from the {@code integ-test-zip} distribution, run as a child process of this JVM. As root it runs as
 * the unprivileged {@value #SERVICE_USER} user (Elasticsearch refuses to run as root).
 */
final class EmbeddedElasticsearch implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedElasticsearch.class);

    static final String VERSION = "8.19.21";
    static final String SERVICE_USER = "plaza-svc";
    static final String CLUSTER_NAME = "plaza-dev";
    private static final String ZIP_NAME = "elasticsearch-" + VERSION + ".zip";
    private static final String UNPACKED_MARKER = ".plaza-unpacked";
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final Path baseDir;
    private final Path home;
    private final Path dataDir;
    private final Path logsDir;
    private final Path tmpDir;
    private final Path pidFile;
    private final Path consoleLog;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Process process;
    private volatile int httpPort;

    EmbeddedElasticsearch(Path baseDir) {
        this.baseDir = baseDir.toAbsolutePath().normalize();
        this.home = this.baseDir.resolve("elasticsearch-" + VERSION);
        this.dataDir = this.baseDir.resolve("es-data");
        this.logsDir = this.baseDir.resolve("es-logs");
        this.tmpDir = this.baseDir.resolve("es-tmp");
        Path runDir = this.baseDir.resolve("run");
        this.pidFile = runDir.resolve("elasticsearch.pid");
        this.consoleLog = runDir.resolve("elasticsearch-console.log");
    }

    String url() {
        return "http://127.0.0.1:" + httpPort;
    }

    Path home() {
        return home;
    }

    Optional<Process> process() {
        return Optional.ofNullable(process);
    }

    /** Unpacks (once), starts and waits until the cluster is at least yellow. */
    void start(Duration readyTimeout) throws IOException {
        long t0 = System.nanoTime();
        Files.createDirectories(pidFile.getParent());
        for (Path d : List.of(dataDir, logsDir, tmpDir)) {
            Files.createDirectories(d);
        }
        stopStale(baseDir);
        unpackIfNeeded();
        Path javaHome = javaHome();
        int port = freePort(-1);
        int transportPort = freePort(port);
        this.httpPort = port;

        List<String> esCommand = new ArrayList<>(List.of(home.resolve("bin/elasticsearch").toString(),
                "-E", "discovery.type=single-node",
                "-E", "xpack.security.enabled=false",
                "-E", "cluster.name=" + CLUSTER_NAME,
                "-E", "http.host=127.0.0.1",
                "-E", "http.port=" + port,
                "-E", "transport.host=127.0.0.1",
                "-E", "transport.port=" + transportPort,
                "-E", "path.data=" + dataDir,
                "-E", "path.logs=" + logsDir,
                "-E", "cluster.routing.allocation.disk.threshold_enabled=false"));
        Map<String, String> esEnv = Map.of(
                "ES_JAVA_HOME", javaHome.toString(),
                "ES_JAVA_OPTS", javaOpts(),
                "ES_TMPDIR", tmpDir.toString(),
                "ES_PATH_CONF", home.resolve("config").toString());

        List<String> command = new ArrayList<>();
        if (Procs.isRoot()) {
            ensureServiceUser();
            chownToServiceUser(List.of(home, dataDir, logsDir, tmpDir));
            makeTraversable(baseDir);
            makeTraversable(javaHome);
            command.addAll(runAsServiceUser());
            command.add(Procs.which("env").orElse("/usr/bin/env"));
            esEnv.forEach((k, v) -> command.add(k + "=" + v));
        }
        command.addAll(esCommand);

        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(consoleLog.toFile()));
        Map<String, String> env = pb.environment();
        for (String k : List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS", "ES_JAVA_OPTS", "ES_PATH_CONF",
                "ES_TMPDIR", "ES_JAVA_HOME", "CLI_JAVA_OPTS")) {
            env.remove(k);
        }
        env.putAll(esEnv);

        LOG.info("Starting Elasticsearch {} on port {} (data {}, log {})", VERSION, port, dataDir, consoleLog);
        synchronized (this) {
            if (closed.get()) {
                throw new IOException("Elasticsearch start aborted: shutting down");
            }
            process = pb.start();
        }
        writePidFile(List.of(process.pid()));
        try {
            waitUntilReady(readyTimeout);
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
        writePidFile(Procs.tree(process.toHandle()).stream().map(ProcessHandle::pid).collect(Collectors.toList()));
        LOG.info("Elasticsearch ready at {} in {} ms", url(), (System.nanoTime() - t0) / 1_000_000);
    }

    private void waitUntilReady(Duration timeout) throws IOException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest health = HttpRequest.newBuilder(
                        URI.create(url() + "/_cluster/health?wait_for_status=yellow&timeout=1s"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (closed.get()) {
                throw new IOException("Elasticsearch start aborted: shutting down");
            }
            Process p = process;
            if (!p.isAlive()) {
                throw new IOException("Elasticsearch exited with code " + p.exitValue() + " during startup" + logTails());
            }
            try {
                HttpResponse<String> r = client.send(health, HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200
                        && (r.body().contains("\"status\":\"green\"") || r.body().contains("\"status\":\"yellow\""))) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while waiting for Elasticsearch", e);
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("Elasticsearch was not ready within " + timeout.toSeconds() + " s" + logTails());
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while waiting for Elasticsearch", e);
            }
        }
    }

    private String logTails() {
        return "\n--- " + consoleLog + " (tail) ---\n" + Procs.tail(consoleLog, 40)
                + "\n--- " + logsDir.resolve(CLUSTER_NAME + ".log") + " (tail) ---\n"
                + Procs.tail(logsDir.resolve(CLUSTER_NAME + ".log"), 40);
    }

    @Override
    public void close() {
        Process p;
        synchronized (this) {
            if (closed.getAndSet(true)) {
                return;
            }
            p = process;
        }
        if (p != null && p.isAlive()) {
            LOG.info("Stopping Elasticsearch (pid {})", p.pid());
            if (!Procs.stopTrees(List.of(p.pid()), "TERM", STOP_GRACE)) {
                LOG.warn("Some Elasticsearch processes could not be stopped");
            }
            try {
                p.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            LOG.debug("Could not delete {}", pidFile, e);
        }
        LOG.info("Elasticsearch stopped");
    }

    // ---- stale processes ------------------------------------------------------------------------------------

    /**
     * Stops an Elasticsearch left running by a previous run on {@code baseDir} (JVM crashed or was SIGKILLed):
     * the pids in run/elasticsearch.pid whose command line mentions elasticsearch, plus any process whose command
     * line names this installation as its home.
     */
    static void stopStale(Path baseDir) {
        Path base = baseDir.toAbsolutePath().normalize();
        Path esHome = base.resolve("elasticsearch-" + VERSION);
        Path pids = base.resolve("run/elasticsearch.pid");
        Set<Long> stale = new LinkedHashSet<>();
        if (Files.exists(pids)) {
            try {
                for (String line : Files.readAllLines(pids)) {
                    try {
                        long pid = Long.parseLong(line.trim());
                        if (Procs.isAlive(pid) && Procs.cmdline(pid).orElse("").contains("elasticsearch")) {
                            stale.add(pid);
                        }
                    } catch (NumberFormatException ignored) {
                        // blank line
                    }
                }
            } catch (IOException e) {
                LOG.warn("Cannot read {}: {}", pids, e.toString());
            }
        }
        String homeArg = "-Des.path.home=" + esHome;
        String script = esHome.resolve("bin/elasticsearch").toString();
        stale.addAll(Procs.find(cmd -> Stream.of(cmd.split(" ")).anyMatch(t -> t.equals(homeArg) || t.equals(script)))
                .keySet());
        if (!stale.isEmpty()) {
            LOG.warn("Stopping Elasticsearch processes {} left running on {} by a previous run", stale, base);
            if (!Procs.stopTrees(new ArrayList<>(stale), "TERM", STOP_GRACE)) {
                LOG.warn("Some stale Elasticsearch processes could not be stopped: {}", stale);
            }
        }
        try {
            Files.deleteIfExists(pids);
        } catch (IOException e) {
            LOG.debug("Could not delete {}", pids, e);
        }
    }

    private void writePidFile(List<Long> pids) throws IOException {
        Path tmp = pidFile.resolveSibling(pidFile.getFileName() + ".tmp");
        Files.writeString(tmp, pids.stream().map(String::valueOf).collect(Collectors.joining("\n", "", "\n")));
        Files.move(tmp, pidFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    // ---- distribution ---------------------------------------------------------------------------------------

    private void unpackIfNeeded() throws IOException {
        if (Files.exists(home.resolve(UNPACKED_MARKER)) && Files.isRegularFile(home.resolve("bin/elasticsearch"))) {
            return;
        }
        Path zip = locateZip();
        long t0 = System.nanoTime();
        LOG.info("Unpacking {} into {}", zip, home);
        try (Stream<Path> leftovers = Files.list(baseDir)) {
            for (Path p : leftovers.filter(p -> p.getFileName().toString().startsWith(".unpack-es-")).toList()) {
                deleteRecursively(p);
            }
        }
        Path staging = baseDir.resolve(".unpack-es-" + System.nanoTime());
        Files.createDirectories(staging);
        List<Path[]> dirPermissions = new ArrayList<>();
        try (FileSystem fs = FileSystems.newFileSystem(zip, Map.of("enablePosixFileAttributes", "true"));
             Stream<Path> entries = Files.walk(fs.getPath("/"))) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                String rel = entry.toString().replaceFirst("^/+", "");
                if (rel.isEmpty()) {
                    continue;
                }
                Path target = staging.resolve(rel).normalize();
                if (!target.startsWith(staging)) {
                    throw new IOException("Suspicious zip entry " + entry);
                }
                if (Files.isDirectory(entry)) {
                    Files.createDirectories(target);
                    dirPermissions.add(new Path[] {entry, target});
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(entry, target, StandardCopyOption.REPLACE_EXISTING);
                    copyPermissions(entry, target, false);
                }
            }
            for (Path[] d : dirPermissions) {
                copyPermissions(d[0], d[1], true);
            }
        }
        Path unpacked = staging.resolve("elasticsearch-" + VERSION);
        if (!Files.isRegularFile(unpacked.resolve("bin/elasticsearch"))) {
            deleteRecursively(staging);
            throw new IOException(zip + " does not contain elasticsearch-" + VERSION + "/bin/elasticsearch");
        }
        Files.createFile(unpacked.resolve(UNPACKED_MARKER));
        deleteRecursively(home);
        Files.move(unpacked, home, StandardCopyOption.ATOMIC_MOVE);
        deleteRecursively(staging);
        LOG.info("Unpacked Elasticsearch in {} ms", (System.nanoTime() - t0) / 1_000_000);
    }

    private static void copyPermissions(Path entry, Path target, boolean directory) throws IOException {
        Set<PosixFilePermission> perms;
        try {
            perms = Files.getPosixFilePermissions(entry);
        } catch (UnsupportedOperationException | IOException e) {
            perms = null;
        }
        if (perms == null || perms.isEmpty()) {
            perms = PosixFilePermissions.fromString(directory ? "rwxr-xr-x" : "rw-r--r--");
        }
        String name = target.getFileName().toString();
        if (!directory && target.getParent().getFileName().toString().equals("bin") && !name.contains(".")) {
            perms.add(PosixFilePermission.OWNER_EXECUTE); // shell scripts must be executable whatever the zip says
            perms.add(PosixFilePermission.GROUP_EXECUTE);
            perms.add(PosixFilePermission.OTHERS_EXECUTE);
        }
        if (directory) {
            perms.add(PosixFilePermission.OWNER_WRITE);
            perms.add(PosixFilePermission.OWNER_EXECUTE);
        }
        perms.add(PosixFilePermission.OWNER_READ);
        Files.setPosixFilePermissions(target, perms);
    }

    /**
     * The distribution zip: env PLAZA_ES_ZIP, else {@code dev-services/target/dist} (copied there by the build)
     * relative to the working directory or to this code's jar, else the local Maven repository.
     */
    static Path locateZip() throws IOException {
        String explicit = System.getenv("PLAZA_ES_ZIP");
        if (explicit != null && !explicit.isBlank()) {
            Path p = Path.of(explicit.trim());
            if (!Files.isRegularFile(p)) {
                throw new IOException("PLAZA_ES_ZIP=" + explicit + " is not a file");
            }
            return p;
        }
        List<Path> candidates = new ArrayList<>();
        Path cwd = Path.of("").toAbsolutePath();
        candidates.add(cwd.resolve("dev-services/target/dist/" + ZIP_NAME));
        candidates.add(cwd.resolve("target/dist/" + ZIP_NAME));
        codeLocation().ifPresent(loc -> {
            Path a = loc;
            for (int i = 0; i < 5 && a != null; i++, a = a.getParent()) {
                candidates.add(a.resolve("dist/" + ZIP_NAME));
                candidates.add(a.resolve("target/dist/" + ZIP_NAME));
                candidates.add(a.resolve("dev-services/target/dist/" + ZIP_NAME));
            }
        });
        String repo = System.getProperty("maven.repo.local");
        Path m2 = repo != null && !repo.isBlank() ? Path.of(repo)
                : Path.of(System.getProperty("user.home"), ".m2", "repository");
        candidates.add(m2.resolve("org/elasticsearch/distribution/integ-test-zip/elasticsearch/" + VERSION + "/" + ZIP_NAME));
        for (Path c : candidates) {
            if (Files.isRegularFile(c)) {
                return c;
            }
        }
        throw new IOException("Elasticsearch distribution " + ZIP_NAME + " not found; build dev-services first "
                + "(./mvnw -pl dev-services -am install), set PLAZA_ES_ZIP, or set ELASTICSEARCH_URL. Looked in: "
                + candidates.stream().distinct().map(Path::toString).collect(Collectors.joining(", ")));
    }

    /** The jar or classes directory this class was loaded from; for a Spring Boot fat jar, the outer jar. */
    private static Optional<Path> codeLocation() {
        try {
            URL url = EmbeddedElasticsearch.class.getProtectionDomain().getCodeSource().getLocation();
            String s = url.toString();
            int nested = s.indexOf("nested:");
            if (nested >= 0) {
                String outer = s.substring(nested + "nested:".length());
                int bang = outer.indexOf("/!");
                if (bang < 0) {
                    bang = outer.indexOf('!');
                }
                return Optional.of(Path.of(bang < 0 ? outer : outer.substring(0, bang)));
            }
            if (s.startsWith("jar:")) {
                s = s.substring(4, s.indexOf('!') > 0 ? s.indexOf('!') : s.length());
            }
            return Optional.of(Path.of(new URI(s)));
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    // ---- JVM, ports, users ----------------------------------------------------------------------------------

    private static Path javaHome() throws IOException {
        String override = System.getenv("PLAZA_ES_JAVA_HOME");
        Path jh;
        if (override != null && !override.isBlank()) {
            jh = Path.of(override.trim());
        } else {
            if (Runtime.version().feature() < 17) {
                throw new IOException("Elasticsearch " + VERSION + " needs Java 17+, this JVM is " + Runtime.version()
                        + " (set PLAZA_ES_JAVA_HOME or ELASTICSEARCH_URL)");
            }
            jh = Path.of(System.getProperty("java.home"));
        }
        jh = jh.toRealPath();
        if (!Files.isExecutable(jh.resolve("bin/java"))) {
            throw new IOException("No bin/java in " + jh + " to run Elasticsearch with");
        }
        return jh;
    }

    private static String javaOpts() {
        String heap = System.getenv("PLAZA_ES_HEAP");
        if (heap == null || heap.isBlank()) {
            heap = "512m";
        }
        heap = heap.trim();
        return "-Xms" + heap + " -Xmx" + heap;
    }

    static int freePort(int avoid) throws IOException {
        for (int i = 0; i < 20; i++) {
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                s.setReuseAddress(true);
                if (s.getLocalPort() != avoid) {
                    return s.getLocalPort();
                }
            }
        }
        throw new IOException("No free port found");
    }

    private static final Object USER_LOCK = new Object();

    static void ensureServiceUser() throws IOException {
        synchronized (USER_LOCK) {
            if (Procs.run(List.of("id", "-u", SERVICE_USER), Duration.ofSeconds(10)).exitCode() == 0) {
                return;
            }
            String useradd = Procs.which("useradd").orElse("useradd");
            Procs.Result r = Procs.run(List.of(useradd, "--system", "--no-create-home", "--home-dir", "/nonexistent",
                    "--shell", "/usr/sbin/nologin", "--user-group", SERVICE_USER), Duration.ofSeconds(30));
            // a concurrent JVM may have created it in the meantime (useradd then exits 9)
            if (Procs.run(List.of("id", "-u", SERVICE_USER), Duration.ofSeconds(10)).exitCode() != 0) {
                throw new IOException("Could not create user " + SERVICE_USER + " to run Elasticsearch as (it refuses "
                        + "to run as root): " + r.output().trim());
            }
            LOG.info("Created system user {} to run Elasticsearch", SERVICE_USER);
        }
    }

    private static List<String> runAsServiceUser() throws IOException {
        Optional<String> runuser = Procs.which("runuser");
        if (runuser.isPresent()) {
            return List.of(runuser.get(), "-u", SERVICE_USER, "--");
        }
        Optional<String> setpriv = Procs.which("setpriv");
        if (setpriv.isPresent()) {
            String uid = Procs.run(List.of("id", "-u", SERVICE_USER), Duration.ofSeconds(10)).output().trim();
            String gid = Procs.run(List.of("id", "-g", SERVICE_USER), Duration.ofSeconds(10)).output().trim();
            return List.of(setpriv.get(), "--reuid=" + uid, "--regid=" + gid, "--clear-groups", "--");
        }
        throw new IOException("Neither runuser nor setpriv found; cannot run Elasticsearch as " + SERVICE_USER);
    }

    private static void chownToServiceUser(List<Path> dirs) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Procs.which("chown").orElse("chown"), "-R", SERVICE_USER + ":"));
        dirs.forEach(d -> cmd.add(d.toString()));
        Procs.Result r = Procs.run(cmd, Duration.ofMinutes(2));
        if (r.exitCode() != 0) {
            throw new IOException("chown of Elasticsearch directories failed: " + r.output().trim());
        }
    }

    /** Adds o+x to {@code dir} and its ancestors where missing, so the service user can reach what lies below. */
    private static void makeTraversable(Path dir) throws IOException {
        for (Path p = dir.toRealPath(); p != null; p = p.getParent()) {
            PosixFileAttributeView view = Files.getFileAttributeView(p, PosixFileAttributeView.class,
                    LinkOption.NOFOLLOW_LINKS);
            if (view == null) {
                return;
            }
            Set<PosixFilePermission> perms = view.readAttributes().permissions();
            if (!perms.contains(PosixFilePermission.OTHERS_EXECUTE)) {
                LOG.warn("Adding o+x to {} so that {} can reach the Elasticsearch files", p, SERVICE_USER);
                perms.add(PosixFilePermission.OTHERS_EXECUTE);
                view.setPermissions(perms);
            }
        }
    }

    static void deleteRecursively(Path p) throws IOException {
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(q);
            }
        }
    }

    @Override
    public String toString() {
        return "EmbeddedElasticsearch[" + home + ", " + (process == null ? "not started" : url()) + "]";
    }
}
