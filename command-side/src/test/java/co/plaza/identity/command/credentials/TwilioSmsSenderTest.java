package co.plaza.identity.command.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.twilio.http.HttpMethod;
import com.twilio.http.Request;
import com.twilio.http.Response;
import com.twilio.rest.Domains;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TwilioSmsSenderTest {

    private static final String SID = "AC00000000000000000000000000000001";
    private static final String TOKEN = "test-auth-token";
    private static final String FROM = "+15005550006";
    private static final String TO = "+573001234567";
    private static final String MESSAGES_PATH = "/2010-04-01/Accounts/" + SID + "/Messages.json";

    private HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile int answerStatus = 201;
    private volatile String answerBody;

    record Received(String method, String path, String query, Map<String, List<String>> headers,
                    Map<String, String> form) {

        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst().orElse(null);
        }
    }

    @BeforeEach
    void startFakeTwilio() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    @AfterEach
    void stopFakeTwilio() {
        server.stop(0);
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> form = parseForm(body);
        received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                exchange.getRequestURI().getRawQuery(), Map.copyOf(exchange.getRequestHeaders()), form));
        String answer = answerBody != null ? answerBody : messageResource(form);
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(answerStatus, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Test
    void postsTheMessageToTwilioMessagesEndpoint() {
        try (TwilioSmsSender sender = new TwilioSmsSender(SID, TOKEN, FROM, baseUrl())) {
            sender.send(TO, "Tu código de Plaza es 012345 & no lo compartas");
        }

        assertThat(received).hasSize(1);
        Received request = received.get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo(MESSAGES_PATH);
        assertThat(request.header("Authorization")).isEqualTo("Basic "
                + Base64.getEncoder().encodeToString((SID + ":" + TOKEN).getBytes(StandardCharsets.UTF_8)));
        assertThat(request.header("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(request.form()).containsEntry("To", TO)
                .containsEntry("From", FROM)
                .containsEntry("Body", "Tu código de Plaza es 012345 & no lo compartas");
    }

    @Test
    void canSendFromAMessagingService() {
        try (TwilioSmsSender sender = new TwilioSmsSender(SID, TOKEN, "MG00000000000000000000000000000002",
                baseUrl())) {
            sender.send(TO, "hola");
        }

        assertThat(received.get(0).form()).containsEntry("To", TO)
                .containsEntry("MessagingServiceSid", "MG00000000000000000000000000000002")
                .containsEntry("Body", "hola")
                .doesNotContainKey("From");
    }

    @Test
    void baseUrlMayCarryAPathPrefix() {
        try (TwilioSmsSender sender = new TwilioSmsSender(SID, TOKEN, FROM, baseUrl() + "/twilio/")) {
            sender.send(TO, "hola");
        }

        assertThat(received.get(0).path()).isEqualTo("/twilio" + MESSAGES_PATH);
    }

    @Test
    void twilioErrorsSurfaceAsSmsDeliveryException() {
        answerStatus = 400;
        answerBody = """
                {"code": 21211, "message": "The 'To' number +5730012 is not a valid phone number.",
                 "more_info": "https://www.twilio.com/docs/errors/21211", "status": 400}""";

        try (TwilioSmsSender sender = new TwilioSmsSender(SID, TOKEN, FROM, baseUrl())) {
            assertThatThrownBy(() -> sender.send("+5730012", "hola"))
                    .isInstanceOf(SmsDeliveryException.class)
                    .hasMessageContaining("21211")
                    .hasMessageContaining("not a valid phone number")
                    .satisfies(e -> assertThat(((SmsDeliveryException) e).providerErrorCode()).isEqualTo(21211));
        }
        // a 4xx is final, only 5xx would be retried by the SDK
        assertThat(received).hasSize(1);
    }

    @Test
    void wrongCredentialsSurfaceAsSmsDeliveryException() {
        answerStatus = 401;
        answerBody = """
                {"code": 20003, "message": "Authenticate", "more_info": "https://www.twilio.com/docs/errors/20003",
                 "status": 401}""";

        try (TwilioSmsSender sender = new TwilioSmsSender(SID, TOKEN, FROM, baseUrl())) {
            assertThatThrownBy(() -> sender.send(TO, "hola"))
                    .isInstanceOfSatisfying(SmsDeliveryException.class,
                            e -> assertThat(e.providerErrorCode()).isEqualTo(20003));
        }
    }

    @Test
    void unreachableTwilioSurfacesAsSmsDeliveryException() {
        String deadUrl = baseUrl();
        server.stop(0);

        try (TwilioSmsSender sender = new TwilioSmsSender(SID, TOKEN, FROM, deadUrl)) {
            assertThatThrownBy(() -> sender.send(TO, "hola")).isInstanceOf(SmsDeliveryException.class);
        }
    }

    @Test
    void rewritesHostOnlyAndKeepsEverythingElse() {
        try (RebasingTwilioHttpClient client = new RebasingTwilioHttpClient(baseUrl())) {
            Request request = new Request(HttpMethod.GET, Domains.API.toString(),
                    "/2010-04-01/Accounts/" + SID + "/Messages/SM123.json");
            // region/edge would turn api.twilio.com into api.dublin.ie1.twilio.com, and must not touch our host
            request.setRegion("ie1");
            request.setEdge("dublin");
            request.setAuth(SID, TOKEN);
            request.addQueryParam("PageSize", "20");
            request.addQueryParam("To", TO);
            request.addHeaderParam("X-Custom", "kept");

            assertThat(request.constructURL().getHost()).isEqualTo("api.dublin.ie1.twilio.com");
            Response response = client.makeRequest(request);

            assertThat(response.getStatusCode()).isEqualTo(201);
        }

        Received request = received.get(0);
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.path()).isEqualTo("/2010-04-01/Accounts/" + SID + "/Messages/SM123.json");
        assertThat(parseForm(request.query())).containsEntry("PageSize", "20").containsEntry("To", TO);
        assertThat(request.header("X-Custom")).isEqualTo("kept");
        assertThat(request.header("Authorization")).startsWith("Basic ");
        assertThat(request.header("Host")).isEqualTo("127.0.0.1:" + server.getAddress().getPort());
    }

    @Test
    void noBaseUrlMeansNoRewrite() {
        try (RebasingTwilioHttpClient client = new RebasingTwilioHttpClient("  ")) {
            assertThat(client.rewrites()).isFalse();
        }
        try (RebasingTwilioHttpClient client = new RebasingTwilioHttpClient(null)) {
            assertThat(client.rewrites()).isFalse();
        }
    }

    @Test
    void rejectsUnusableConfiguration() {
        assertThatIllegalArgumentException().isThrownBy(() -> new TwilioSmsSender(SID, TOKEN, FROM, "ftp://host"));
        assertThatIllegalArgumentException().isThrownBy(() -> new TwilioSmsSender(SID, TOKEN, FROM, "127.0.0.1:80"));
        assertThatIllegalArgumentException().isThrownBy(() -> new TwilioSmsSender(SID, TOKEN, FROM, "http://h/?a=b"));
        assertThatIllegalArgumentException().isThrownBy(() -> new TwilioSmsSender("", TOKEN, FROM, null));
        assertThatIllegalArgumentException().isThrownBy(() -> new TwilioSmsSender(SID, null, FROM, null));
        assertThatIllegalArgumentException().isThrownBy(() -> new TwilioSmsSender(SID, TOKEN, " ", null));
    }

    private static Map<String, String> parseForm(String encoded) {
        Map<String, String> form = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return form;
        }
        for (String pair : encoded.split("&")) {
            String[] kv = pair.split("=", 2);
            form.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return form;
    }

    private static String messageResource(Map<String, String> form) {
        List<String> fields = new ArrayList<>();
        fields.add(json("account_sid", SID));
        fields.add(json("api_version", "2010-04-01"));
        fields.add(json("body", form.getOrDefault("Body", "")));
        fields.add(json("date_created", "Thu, 24 Aug 2023 05:01:45 +0000"));
        fields.add("\"date_sent\": null");
        fields.add(json("date_updated", "Thu, 24 Aug 2023 05:01:45 +0000"));
        fields.add(json("direction", "outbound-api"));
        fields.add("\"error_code\": null");
        fields.add("\"error_message\": null");
        fields.add(form.containsKey("From") ? json("from", form.get("From")) : "\"from\": null");
        fields.add(form.containsKey("MessagingServiceSid")
                ? json("messaging_service_sid", form.get("MessagingServiceSid")) : "\"messaging_service_sid\": null");
        fields.add(json("num_media", "0"));
        fields.add(json("num_segments", "1"));
        fields.add("\"price\": null");
        fields.add("\"price_unit\": null");
        fields.add(json("sid", "SM00000000000000000000000000000003"));
        fields.add(json("status", "queued"));
        fields.add("\"subresource_uris\": {" + json("media", "/2010-04-01/Accounts/" + SID
                + "/Messages/SM00000000000000000000000000000003/Media.json") + "}");
        fields.add(json("to", form.getOrDefault("To", "")));
        fields.add(json("uri", "/2010-04-01/Accounts/" + SID + "/Messages/SM00000000000000000000000000000003.json"));
        return "{" + String.join(", ", fields) + "}";
    }

    private static String json(String name, String value) {
        return "\"" + name + "\": \"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
