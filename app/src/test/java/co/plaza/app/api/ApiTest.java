package co.plaza.app.api;

import co.plaza.platform.test.HttpApi;
import co.plaza.platform.test.PlazaTestEnvironment;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HTTP-level tests against the all-in-one platform on a random port, with the real PostgreSQL and
 * Elasticsearch, and the real twilio-java talking to a local server that answers like Twilio.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = PlazaTestEnvironment.class)
// every test client is 127.0.0.1: the per-address limits get their own test values (a subclass may set others)
@TestPropertySource(properties = {
        "plaza.auth.reset.max-per-address=1000",
        "plaza.auth.login.max-failures-per-address=1000",
        "plaza.auth.register.max-per-address=100000"})
public abstract class ApiTest {

    protected static final String PASSWORD = "Un4-Clave-Segura!";
    protected static final String ADMIN = "root-admin";
    protected static final String ADMIN_PASSWORD = "Admin-Clave-Segura-9";
    protected static final FakeTwilio TWILIO = FakeTwilio.start();
    private static final SecureRandom RANDOM = new SecureRandom();

    @LocalServerPort
    int port;
    @Autowired
    protected EventProcessingConfiguration processing;
    @Autowired
    protected EventStore eventStore;
    protected HttpApi api;

    @DynamicPropertySource
    static void platform(DynamicPropertyRegistry registry) {
        registry.add("PLAZA_ADMIN_USERNAME", () -> ADMIN);
        registry.add("PLAZA_ADMIN_PASSWORD", () -> ADMIN_PASSWORD);
        registry.add("TWILIO_ACCOUNT_SID", () -> FakeTwilio.SID);
        registry.add("TWILIO_AUTH_TOKEN", () -> "test-token");
        registry.add("TWILIO_FROM_NUMBER", () -> "+15005550006");
        registry.add("TWILIO_API_BASE_URL", TWILIO::baseUrl);
        registry.add("PLAZA_CORS_ORIGINS", () -> "https://app.plaza.co");
    }

    @BeforeEach
    void client() {
        api = new HttpApi(port);
    }

    protected static String unique(String prefix) {
        return prefix + Long.toString(Math.abs(RANDOM.nextLong()), 36).substring(0, 8);
    }

    protected static String phone() {
        return "300" + String.format("%07d", RANDOM.nextInt(10_000_000));
    }

    /** Registers a user and returns the 201 body. */
    protected JsonNode register(String username, String role) {
        HttpApi.Response r = api.post("/api/auth/register/", HttpApi.body("username", username,
                "email", username + "@example.com", "password", PASSWORD, "phone_number", phone(), "role", role,
                "first_name", "Nombre", "last_name", "Apellido"), null);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json();
    }

    /** A registered user and their access token. */
    protected record Account(UUID id, String username, String token) {
    }

    /** Registers a user of that role (username from the prefix) and logs them in. */
    protected Account account(String prefix, String role) {
        String username = unique(prefix);
        JsonNode user = register(username, role);
        return new Account(UUID.fromString(user.path("id").asText()), username, login(username, PASSWORD));
    }

    protected String login(String username, String password) {
        HttpApi.Response r = api.post("/api/auth/login/", HttpApi.body("username", username, "password", password), null);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.text("token");
    }

    protected String adminToken() {
        await(() -> api.post("/api/auth/login/", HttpApi.body("username", ADMIN, "password", ADMIN_PASSWORD), null)
                .status() == 200, "bootstrap admin can log in");
        return login(ADMIN, ADMIN_PASSWORD);
    }

    /**
     * Runs {@code action} with these processors stopped, so the read models they build cannot catch up (the
     * read-your-writes wait never ends, a projection lags behind a command), and starts them again afterwards.
     */
    protected void withProcessorsStopped(Runnable action, String... groups) {
        List<StreamingEventProcessor> stopped = java.util.Arrays.stream(groups)
                .map(g -> processing.eventProcessor(g, StreamingEventProcessor.class).orElseThrow()).toList();
        stopped.forEach(StreamingEventProcessor::shutDown);
        try {
            action.run();
        } finally {
            stopped.forEach(StreamingEventProcessor::start);
        }
    }

    /**
     * Waits until these processors have handled every event stored so far, a replay included (whose flag stays up
     * until an event past the reset point arrives, so only the position tells).
     */
    protected void awaitProcessed(String... groups) {
        long head = eventStore.createHeadToken().position().orElse(-1);
        List<StreamingEventProcessor> processors = java.util.Arrays.stream(groups)
                .map(g -> processing.eventProcessor(g, StreamingEventProcessor.class).orElseThrow()).toList();
        await(() -> processors.stream().allMatch(p -> {
            Map<Integer, EventTrackerStatus> segments = p.processingStatus();
            return !segments.isEmpty() && segments.values().stream().allMatch(s -> !s.isErrorState()
                    && s.getCurrentPosition().orElse(-1) >= head);
        }), String.join(", ", groups) + " handled every stored event");
    }

    /** For effects a workflow makes later (API.md: eventually visible, not awaited). */
    protected static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Answers POST /2010-04-01/Accounts/{sid}/Messages.json like Twilio and keeps what was sent. */
    public static final class FakeTwilio {
        static final String SID = "AC00000000000000000000000000000000";
        private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");
        private final HttpServer server;
        private final List<Map<String, String>> messages = new CopyOnWriteArrayList<>();

        private FakeTwilio(HttpServer server) {
            this.server = server;
        }

        static FakeTwilio start() {
            try {
                HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
                FakeTwilio fake = new FakeTwilio(server);
                server.createContext("/2010-04-01/Accounts/" + SID + "/Messages.json", exchange -> {
                    String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                    Map<String, String> fields = new java.util.HashMap<>();
                    for (String pair : form.split("&")) {
                        String[] kv = pair.split("=", 2);
                        fields.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                                kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
                    }
                    fake.messages.add(fields);
                    byte[] answer = ("{\"sid\":\"SM" + "0".repeat(32) + "\",\"status\":\"queued\",\"to\":\""
                            + fields.get("To") + "\",\"from\":\"" + fields.get("From") + "\",\"body\":\"\","
                            + "\"account_sid\":\"" + SID + "\",\"num_segments\":\"1\",\"direction\":\"outbound-api\","
                            + "\"date_created\":\"Sat, 28 Nov 2026 05:00:00 +0000\"}").getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(201, answer.length);
                    exchange.getResponseBody().write(answer);
                    exchange.close();
                });
                server.start();
                return fake;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String baseUrl() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        public List<Map<String, String>> messagesTo(String e164) {
            return messages.stream().filter(m -> e164.equals(m.get("To"))).toList();
        }

        /** The code of the last SMS to a number: a standalone 6-digit word (API.md). */
        public String lastCodeTo(String e164) {
            List<Map<String, String>> sent = messagesTo(e164);
            assertThat(sent).as("SMS sent to " + e164).isNotEmpty();
            Matcher m = CODE.matcher(sent.get(sent.size() - 1).get("Body"));
            assertThat(m.find()).isTrue();
            return m.group(1);
        }
    }
}
