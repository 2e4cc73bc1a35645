package co.plaza.devservices;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Small Linux process helpers (/proc, signals, process trees). */
final class Procs {

    private static final Logger LOG = LoggerFactory.getLogger(Procs.class);

    private Procs() {
    }

    /** The command line of a live process, arguments joined by spaces; empty if gone or unreadable. */
    static Optional<String> cmdline(long pid) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            if (raw.length == 0) {
                return Optional.empty(); // zombie or kernel thread
            }
            for (int i = 0; i < raw.length; i++) {
                if (raw[i] == 0) {
                    raw[i] = ' ';
                }
            }
            return Optional.of(new String(raw, StandardCharsets.UTF_8).trim());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Running: alive and not a zombie waiting to be reaped. */
    static boolean isAlive(long pid) {
        return ProcessHandle.of(pid).map(Procs::aliveNotZombie).orElse(false);
    }

    /** True when this JVM runs with effective uid 0. */
    static boolean isRoot() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    String[] f = line.substring(4).trim().split("\\s+");
                    return f.length > 1 && "0".equals(f[1]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return "root".equals(System.getProperty("user.name"));
    }

    /** Sends a named signal (TERM, INT, QUIT, KILL...) with kill(1); false if it could not be delivered. */
    static boolean signal(long pid, String signal) {
        try {
            Process p = new ProcessBuilder("kill", "-s", signal, Long.toString(pid))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The process and all its live descendants (snapshot), root first. */
    static List<ProcessHandle> tree(ProcessHandle root) {
        List<ProcessHandle> all = new ArrayList<>();
        all.add(root);
        root.descendants().forEach(all::add);
        return all;
    }

    /** Live processes whose command line matches, keyed by pid. */
    static Map<Long, String> find(Predicate<String> cmdlineMatches) {
        Map<Long, String> found = new LinkedHashMap<>();
        long self = ProcessHandle.current().pid();
        ProcessHandle.allProcesses().forEach(ph -> {
            if (ph.pid() == self) {
                return;
            }
            cmdline(ph.pid()).filter(cmdlineMatches).ifPresent(c -> found.put(ph.pid(), c));
        });
        return found;
    }

    /**
     * Stops processes and everything below them: sends {@code firstSignal} to the given pids, SIGTERM to their
     * descendants, waits up to {@code grace}, then SIGKILLs whatever is left. Returns true if all are gone.
     */
    static boolean stopTrees(List<Long> pids, String firstSignal, Duration grace) {
        List<ProcessHandle> victims = new ArrayList<>();
        for (long pid : pids) {
            ProcessHandle.of(pid).filter(ProcessHandle::isAlive).ifPresent(ph -> {
                for (ProcessHandle p : tree(ph)) {
                    if (victims.stream().noneMatch(v -> v.pid() == p.pid())) {
                        victims.add(p);
                    }
                }
            });
        }
        if (victims.isEmpty()) {
            return true;
        }
        for (ProcessHandle p : victims) {
            if (pids.contains(p.pid())) {
                signal(p.pid(), firstSignal);
            } else {
                p.destroy();
            }
        }
        if (waitAllGone(victims, grace)) {
            return true;
        }
        for (ProcessHandle p : victims) {
            if (aliveNotZombie(p)) {
                LOG.warn("Process {} did not stop within {} s, killing it", p.pid(), grace.toSeconds());
                // destroyForcibly() refuses processes that are not our children on some JDKs; kill(1) does not.
                if (!p.destroyForcibly()) {
                    signal(p.pid(), "KILL");
                }
            }
        }
        return waitAllGone(victims, Duration.ofSeconds(10));
    }

    static boolean waitAllGone(List<ProcessHandle> processes, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (processes.stream().noneMatch(Procs::aliveNotZombie)) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /** A zombie (exited, not yet reaped by its parent) counts as gone. */
    static boolean aliveNotZombie(ProcessHandle p) {
        if (!p.isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(p.pid()), "stat"));
            int close = stat.lastIndexOf(')');
            return !(close > 0 && close + 2 < stat.length() && stat.charAt(close + 2) == 'Z');
        } catch (IOException | RuntimeException e) {
            return p.isAlive();
        }
    }

    /** Runs a short command, returning its exit code and output. */
    static Result run(List<String> command, Duration timeout) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new IOException("Timed out: " + String.join(" ", command));
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException("Interrupted: " + String.join(" ", command), e);
        }
    }

    record Result(int exitCode, String output) {
    }

    /** Finds an executable in the usual sbin/bin directories (the JVM's PATH often lacks /usr/sbin). */
    static Optional<String> which(String name) {
        List<String> dirs = new ArrayList<>(List.of("/usr/sbin", "/sbin", "/usr/bin", "/bin"));
        String path = System.getenv("PATH");
        if (path != null) {
            dirs.addAll(List.of(path.split(":")));
        }
        for (String d : dirs) {
            if (d.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(d, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate.toString());
            }
        }
        return Optional.empty();
    }

    /** Last {@code lines} lines of a text file, or a note if it cannot be read. */
    static String tail(Path file, int lines) {
        try {
            if (!Files.exists(file)) {
                return "(" + file + " does not exist)";
            }
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | RuntimeException e) {
            try {
                byte[] b = Files.readAllBytes(file);
                String s = new String(b, StandardCharsets.ISO_8859_1);
                return s.substring(Math.max(0, s.length() - 8000));
            } catch (IOException e2) {
                return "(cannot read " + file + ": " + e2 + ")";
            }
        }
    }
}
