package co.plaza.platform.test;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 written by hand over a socket, for what {@link HttpApi}'s client cannot send: request lines and headers
 * no well-behaved client writes, or a connection from a chosen local address (all of 127/8 is loopback).
 */
public final class RawHttp {

    public record Response(int status, Map<String, String> headers, String body) {
        public JsonNode json() {
            try {
                return HttpApi.JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + this, e);
            }
        }
    }

    private RawHttp() {
    }

    /**
     * Sends {@code requestLine}, a Host header, {@code headers} ("Name: value"), {@code Connection: close} and the
     * body (with its Content-Length, when there is one), from {@code localAddress} (or any), and reads the whole answer.
     */
    public static Response send(int port, String localAddress, String requestLine, List<String> headers, byte[] body)
            throws IOException {
        try (Socket socket = new Socket()) {
            if (localAddress != null) {
                socket.bind(new InetSocketAddress(localAddress, 0));
            }
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(30_000);
            StringBuilder head = new StringBuilder(requestLine).append("\r\nHost: 127.0.0.1:").append(port).append("\r\n");
            for (String h : headers) {
                head.append(h).append("\r\n");
            }
            if (body != null) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            head.append("Connection: close\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            return parse(new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static Response parse(String text) {
        int split = text.indexOf("\r\n\r\n");
        String[] lines = text.substring(0, split).split("\r\n");
        Map<String, String> parsed = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            parsed.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        String body = text.substring(split + 4);
        if ("chunked".equalsIgnoreCase(parsed.get("transfer-encoding"))) {
            StringBuilder joined = new StringBuilder();
            String rest = body;
            while (true) {
                int eol = rest.indexOf("\r\n");
                int size = Integer.parseInt(rest.substring(0, eol).trim(), 16);
                if (size == 0) {
                    break;
                }
                joined.append(rest, eol + 2, eol + 2 + size);
                rest = rest.substring(eol + 2 + size + 2);
            }
            body = joined.toString();
        }
        return new Response(Integer.parseInt(lines[0].split(" ")[1]), parsed, body);
    }
}
