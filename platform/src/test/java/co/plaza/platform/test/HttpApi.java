package co.plaza.platform.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A small HTTP client that talks to the running platform the way the legacy clients do: JSON over HTTP. */
public class HttpApi {

    public static final ObjectMapper JSON = new ObjectMapper();

    public record Response(int status, HttpHeaders headers, String raw) {
        public JsonNode json() {
            try {
                return raw == null || raw.isBlank() ? MissingNode.getInstance() : JSON.readTree(raw);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + raw, e);
            }
        }

        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        public String text(String field) {
            return json().path(field).asText();
        }

        @Override
        public String toString() {
            return status + " " + raw;
        }
    }

    private final String base;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public HttpApi(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public static Map<String, Object> body(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    public Response get(String path, String token, String... headers) {
        return send("GET", path, null, token, headers);
    }

    public Response post(String path, Object body, String token, String... headers) {
        return send("POST", path, body, token, headers);
    }

    public Response put(String path, Object body, String token, String... headers) {
        return send("PUT", path, body, token, headers);
    }

    public Response patch(String path, Object body, String token, String... headers) {
        return send("PATCH", path, body, token, headers);
    }

    public Response delete(String path, String token, String... headers) {
        return send("DELETE", path, null, token, headers);
    }

    /** {@code body} is serialised to JSON unless it is a String, which is sent as is (for malformed JSON). */
    public Response send(String method, String path, Object body, String token, String... headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
            String payload = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
            request.method(method, payload == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(payload));
            if (payload != null) {
                request.header("Content-Type", "application/json");
            }
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            for (int i = 0; i < headers.length; i += 2) {
                request.header(headers[i], headers[i + 1]);
            }
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
