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

    /** A part of a multipart form: a file (with a file name) or a plain field (file name null). */
    public record Part(String name, String fileName, String contentType, byte[] content) {
        public static Part file(String name, String fileName, String contentType, byte[] content) {
            return new Part(name, fileName, contentType, content);
        }

        public static Part field(String name, String value) {
            return new Part(name, null, null, value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /** POSTs {@code multipart/form-data}, as browsers and the mobile clients upload files. */
    public Response multipart(String path, java.util.List<Part> parts, String token, String... headers) {
        String boundary = "plaza-" + java.util.UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        for (Part part : parts) {
            StringBuilder head = new StringBuilder("--").append(boundary).append("\r\n")
                    .append("Content-Disposition: form-data; name=\"").append(part.name()).append('"');
            if (part.fileName() != null) {
                head.append("; filename=\"").append(part.fileName()).append('"');
            }
            head.append("\r\n");
            if (part.contentType() != null) {
                head.append("Content-Type: ").append(part.contentType()).append("\r\n");
            }
            head.append("\r\n");
            body.writeBytes(head.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            body.writeBytes(part.content());
            body.writeBytes("\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        String[] all = java.util.Arrays.copyOf(headers, headers.length + 2);
        all[headers.length] = "Content-Type";
        all[headers.length + 1] = "multipart/form-data; boundary=" + boundary;
        return raw("POST", path, HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()), token, all);
    }

    /** GET/HEAD of bytes (media): the body as bytes, the headers as they came. */
    public HttpResponse<byte[]> bytes(String method, String url, String token, String... headers) {
        return exchange(method, url.startsWith("http") ? url : base + url, HttpRequest.BodyPublishers.noBody(), token,
                headers, HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Any body publisher (a large streamed upload, say); the answer read as text. */
    public Response raw(String method, String path, HttpRequest.BodyPublisher body, String token, String... headers) {
        HttpResponse<String> response = exchange(method, base + path, body, token, headers,
                HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.headers(), response.body());
    }

    /** {@code body} is serialised to JSON unless it is a String, which is sent as is (for malformed JSON). */
    public Response send(String method, String path, Object body, String token, String... headers) {
        String payload;
        try {
            payload = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (payload == null) {
            return raw(method, path, HttpRequest.BodyPublishers.noBody(), token, headers);
        }
        String[] all = java.util.Arrays.copyOf(headers, headers.length + 2);
        all[headers.length] = "Content-Type";
        all[headers.length + 1] = "application/json";
        return raw(method, path, HttpRequest.BodyPublishers.ofString(payload), token, all);
    }

    private <T> HttpResponse<T> exchange(String method, String url, HttpRequest.BodyPublisher body, String token,
                                         String[] headers, HttpResponse.BodyHandler<T> handler) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120))
                    .method(method, body);
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            for (int i = 0; i < headers.length; i += 2) {
                request.header(headers[i], headers[i + 1]);
            }
            return client.send(request.build(), handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
