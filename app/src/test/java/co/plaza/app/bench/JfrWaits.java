package co.plaza.app.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where a benchmark phase's time went, from a JFR recording of the platform: the waits (park, sleep, monitor,
 * socket and file I/O, every one recorded by the settings {@link #settings} writes) summed by thread kind and by the
 * code that waited, per request of the phase; and the CPU samples by top frame and by what their stacks pass through.
 * Standalone: {@code JfrWaits <recording.jfr> <requests>}.
 */
final class JfrWaits {

    private static final List<String> WAITS = List.of("jdk.ThreadPark", "jdk.ThreadSleep", "jdk.JavaMonitorWait",
            "jdk.JavaMonitorEnter", "jdk.SocketRead", "jdk.SocketWrite", "jdk.FileRead", "jdk.FileWrite", "jdk.FileForce");
    /** Frames that name the operation a wait belongs to, the first from the top wins. */
    private static final List<String> OPERATIONS = List.of("org.axonframework.", "co.plaza.", "org.postgresql.jdbc.Pg",
            "org.springframework.jdbc.core.", "org.springframework.transaction.", "co.elastic.clients.elasticsearch.");
    /** Idle pool threads waiting for work: not part of any request. */
    private static final List<String> IDLE = List.of("ThreadPoolExecutor.getTask", "NioEndpoint$Poller",
            "DelayedWorkQueue.take", "ForkJoinPool.awaitWork", "SelectorImpl.select", "Acceptor.run", "ReferenceQueue.remove",
            "NioEndpoint.serverSocketAccept", "HikariPool$HouseKeeper", "QueuedThreadPool.idleJobPoll",
            "ReservedThreadExecutor$ReservedThread", "ManagedSelector", "ServerConnector.accept", "BlockingArrayQueue.poll",
            // processors and the event store's producer waiting for new events, the scheduler for due tasks
            "EventConsumer.peekGlobalStream", "EventProducer.waitForData", "Waiter.doWait");
    /** What a CPU sample's stack passes through (not exclusive). */
    private static final Map<String, String> MARKERS = new LinkedHashMap<>();

    static {
        MARKERS.put("Axon unit of work commit (after-commit work included)", "AbstractUnitOfWork.commit");
        MARKERS.put("Axon query bus", "org.axonframework.queryhandling.SimpleQueryBus");
        MARKERS.put("Spring Security authentication (JWT inside)", "ObservationAuthenticationManager.authenticate");
        MARKERS.put("Jackson (JSON)", "com.fasterxml.jackson.");
        MARKERS.put("Spring MVC message converters", "HttpMessageConverter");
        MARKERS.put("JWT", "jwt");
        MARKERS.put("Jetty HTTP", "org.eclipse.jetty.http");
        MARKERS.put("Axon command bus", "org.axonframework.commandhandling.");
        MARKERS.put("Axon append", "appendEvents");
        MARKERS.put("Axon aggregate load", "EventSourcingRepository.doLoad");
        MARKERS.put("Axon handler timeout (stack trace per handler call)", "AxonTimeLimitedTask.start");
        MARKERS.put("Axon snapshotter", "AbstractSnapshotter");
        MARKERS.put("read-your-writes polling", "ReadSideProgress");
        MARKERS.put("Axon event processors", "org.axonframework.eventhandling.");
        MARKERS.put("PostgreSQL driver", "org.postgresql.");
        MARKERS.put("Elasticsearch client", "co.elastic.clients.");
        MARKERS.put("crypto (hashes, signatures)", "crypto");
        MARKERS.put("logging", "ch.qos.logback.");
    }

    private JfrWaits() {
    }

    public static void main(String[] args) throws IOException {
        report(Path.of(args[0]), args.length > 1 ? Long.parseLong(args[1]) : 1, 25);
    }

    /** A copy of the JDK's profile settings that records every wait, however short. */
    static Path settings() throws IOException {
        Path jdk = Path.of(System.getProperty("java.home"), "lib", "jfr", "profile.jfc");
        String jfc = Files.readString(jdk);
        for (String event : WAITS) {
            Pattern block = Pattern.compile("(?<head><event name=\"" + Pattern.quote(event)
                    + "\">(?:(?!</event>).)*?<setting name=\"threshold\"[^>]*>)[^<]*(?<tail></setting>)", Pattern.DOTALL);
            jfc = block.matcher(jfc).replaceFirst("${head}0 ms${tail}");
        }
        Path out = Files.createTempFile("bench-waits", ".jfc");
        Files.writeString(out, jfc);
        return out;
    }

    static void report(Path recording, long requests, int rows) throws IOException {
        Map<String, double[]> waits = new HashMap<>(); // key -> {count, total ms}
        Map<String, Long> topFrames = new HashMap<>();
        Map<String, Long> samplesByKind = new HashMap<>();
        Map<String, Long> markers = new LinkedHashMap<>();
        for (RecordedEvent e : RecordingFile.readAllEvents(recording)) {
            String type = e.getEventType().getName();
            RecordedThread thread = type.equals("jdk.ExecutionSample") ? e.getThread("sampledThread") : e.getThread();
            String kind = kind(thread);
            RecordedStackTrace stack = e.getStackTrace();
            if (type.equals("jdk.ExecutionSample")) {
                samplesByKind.merge(kind, 1L, Long::sum);
                if (stack != null && !stack.getFrames().isEmpty()) {
                    topFrames.merge(kind + " | " + frame(stack.getFrames().get(0)), 1L, Long::sum);
                    String all = frames(stack);
                    for (Map.Entry<String, String> m : MARKERS.entrySet()) {
                        if (all.contains(m.getValue())) {
                            markers.merge(kind + " | " + m.getKey(), 1L, Long::sum);
                        }
                    }
                }
            } else if (WAITS.contains(type) && stack != null) {
                String all = frames(stack);
                if (IDLE.stream().anyMatch(all::contains)) {
                    continue;
                }
                String key = kind + " | " + type.substring(4) + " | " + site(stack);
                double[] sum = waits.computeIfAbsent(key, k -> new double[2]);
                sum[0]++;
                sum[1] += e.getDuration().toNanos() / 1e6;
            }
        }
        System.out.printf("%nJFR %s: %,d requests in the phase%n%n", recording.getFileName(), requests);
        System.out.println("| thread | wait | where (operation < first Plaza/Axon caller) | count | total ms | ms per request |");
        System.out.println("|---|---|---|---|---|---|");
        waits.entrySet().stream().sorted((a, b) -> Double.compare(b.getValue()[1], a.getValue()[1])).limit(rows)
                .forEach(w -> {
                    String[] k = w.getKey().split(" \\| ", 3);
                    System.out.printf("| %s | %s | %s | %.0f | %.0f | %.2f |%n", k[0], k[1], k[2], w.getValue()[0],
                            w.getValue()[1], w.getValue()[1] / Math.max(1, requests));
                });
        System.out.println();
        System.out.println("| CPU samples | thread | count |");
        System.out.println("|---|---|---|");
        samplesByKind.forEach((k, v) -> System.out.printf("| all | %s | %d |%n", k, v));
        markers.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue())).forEach(m -> {
            String[] p = m.getKey().split(" \\| ", 2);
            System.out.printf("| stack passes through %s | %s | %d (%.1f%%) |%n", p[1], p[0], m.getValue(),
                    100.0 * m.getValue() / samplesByKind.getOrDefault(p[0], 1L));
        });
        topFrames.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue())).limit(rows)
                .forEach(t -> {
                    String[] p = t.getKey().split(" \\| ", 2);
                    System.out.printf("| top frame %s | %s | %d |%n", p[1], p[0], t.getValue());
                });
    }

    private static String kind(RecordedThread thread) {
        String name = thread == null || thread.getJavaName() == null ? "?" : thread.getJavaName();
        if (name.startsWith("http-nio") || name.startsWith("qtp")) { // Tomcat's or Jetty's request threads
            return "request";
        }
        if (name.contains("WorkPackage") || name.contains("Coordinator") || name.contains("EventProcessor")) {
            return "processor " + name.replaceAll(".*\\[([^\\]]+)\\].*", "$1");
        }
        return "other " + name.replaceAll("[-#]?\\d+$", "");
    }

    private static String site(RecordedStackTrace stack) {
        String operation = null;
        String caller = null;
        for (RecordedFrame f : stack.getFrames()) {
            String type = f.getMethod().getType().getName();
            if (operation == null && OPERATIONS.stream().anyMatch(type::startsWith)) {
                operation = frame(f);
                if (type.startsWith("co.plaza.")) {
                    return operation;
                }
            } else if (operation != null && type.startsWith("co.plaza.")) {
                caller = frame(f);
                break;
            }
        }
        if (operation == null) { // the first frame outside the JDK
            return stack.getFrames().stream().filter(f -> !f.getMethod().getType().getName().matches("(java|jdk|sun)\\..*"))
                    .findFirst().map(JfrWaits::frame).orElse(frame(stack.getFrames().get(0)));
        }
        return caller == null ? operation : operation + " < " + caller;
    }

    private static String frames(RecordedStackTrace stack) {
        StringBuilder all = new StringBuilder();
        for (RecordedFrame f : stack.getFrames()) {
            all.append(f.getMethod().getType().getName()).append('.').append(f.getMethod().getName()).append(' ');
        }
        return all.toString().toLowerCase().contains("jwt") ? all + " jwt" : all.toString();
    }

    private static String frame(RecordedFrame f) {
        String type = f.getMethod().getType().getName();
        return type.substring(type.lastIndexOf('.') + 1) + "." + f.getMethod().getName();
    }
}
