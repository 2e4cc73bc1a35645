package co.plaza.devservices;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Starts the dev services in a data directory and keeps them running until SIGTERM/Ctrl-C.
 *
 * <pre>
 * java -cp ... co.plaza.devservices.DevServicesMain [DATA_DIR] [--env-file FILE] [--watch-pid PID]
 * </pre>
 *
 * DATA_DIR defaults to env PLAZA_DATA_DIR. Once ready it prints {@code DATABASE_URL=}, {@code DATABASE_USER=},
 * {@code DATABASE_PASSWORD=} and {@code ELASTICSEARCH_URL=} lines to stdout, or writes them atomically to FILE
 * (deleted again on exit). With --watch-pid it exits (stopping the services) when that process is gone.
 */
public final class DevServicesMain {

    private DevServicesMain() {
    }

    public static void main(String[] args) throws Exception {
        String dataDir = null;
        Path envFile = null;
        Long watchPid = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--env-file" -> envFile = Path.of(requireValue(args, ++i, "--env-file"));
                case "--watch-pid" -> watchPid = Long.parseLong(requireValue(args, ++i, "--watch-pid"));
                case "-h", "--help" -> {
                    usage(System.out);
                    return;
                }
                default -> {
                    if (args[i].startsWith("-") || dataDir != null) {
                        usage(System.err);
                        System.exit(2);
                    }
                    dataDir = args[i];
                }
            }
        }
        if (dataDir == null) {
            dataDir = System.getenv("PLAZA_DATA_DIR");
        }
        if (dataDir == null || dataDir.isBlank()) {
            usage(System.err);
            System.exit(2);
        }

        long t0 = System.nanoTime();
        System.err.println("[dev-services] starting in " + Path.of(dataDir).toAbsolutePath() + " ...");
        DevServices.Endpoints endpoints;
        try {
            endpoints = DevServices.ensure(Path.of(dataDir));
        } catch (RuntimeException e) {
            System.err.println("[dev-services] FAILED: " + e.getMessage());
            if (e.getCause() != null && !String.valueOf(e.getMessage()).contains(String.valueOf(e.getCause().getMessage()))) {
                System.err.println("[dev-services] cause: " + e.getCause());
            }
            System.exit(1);
            return;
        }

        StringBuilder lines = new StringBuilder();
        for (Map.Entry<String, String> e : endpoints.asEnvironment().entrySet()) {
            lines.append(e.getKey()).append('=').append(e.getValue()).append('\n');
        }
        if (envFile != null) {
            Path target = envFile.toAbsolutePath();
            Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
            Files.writeString(tmp, lines, StandardCharsets.UTF_8);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    Files.deleteIfExists(target);
                } catch (IOException ignored) {
                    // best effort
                }
            }, "plaza-devservices-envfile"));
        } else {
            System.out.print(lines);
            System.out.flush();
        }
        System.err.printf("[dev-services] ready in %.1f s: PostgreSQL %s, Elasticsearch %s (SIGTERM/Ctrl-C stops them)%n",
                (System.nanoTime() - t0) / 1e9, endpoints.jdbcUrl(), endpoints.elasticsearchUrl());

        if (watchPid != null) {
            long pid = watchPid;
            Thread watcher = new Thread(() -> {
                while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                System.err.println("[dev-services] process " + pid + " is gone; stopping");
                System.exit(0);
            }, "plaza-devservices-watch");
            watcher.setDaemon(true);
            watcher.start();
        }
        new CountDownLatch(1).await(); // until the JVM is asked to exit; the shutdown hook stops the services
    }

    private static String requireValue(String[] args, int i, String option) {
        if (i >= args.length) {
            System.err.println(option + " needs a value");
            System.exit(2);
        }
        return args[i];
    }

    private static void usage(PrintStream out) {
        out.println("usage: DevServicesMain [DATA_DIR] [--env-file FILE] [--watch-pid PID]");
        out.println("  DATA_DIR defaults to $PLAZA_DATA_DIR. DATABASE_URL / ELASTICSEARCH_URL, when set, are used");
        out.println("  instead of starting embedded PostgreSQL / Elasticsearch.");
    }
}
