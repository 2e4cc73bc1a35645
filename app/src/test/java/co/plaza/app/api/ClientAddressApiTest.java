package co.plaza.app.api;

import co.plaza.platform.test.HttpApi;
import co.plaza.platform.test.HttpApi.Response;
import co.plaza.platform.test.PlazaTestEnvironment;
import co.plaza.platform.test.RawHttp;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

import static co.plaza.platform.test.HttpApi.body;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Per-address limits key on the client address (API.md, Auth: throttling): 127.0.0.1 is the trusted proxy here,
 * and a client that connects from 127.0.0.2 (all of 127/8 is loopback) is not one. Each test plays clients with
 * addresses of its own, so the limits of one test do not reach another.
 */
@ContextConfiguration(initializers = PlazaTestEnvironment.Isolated.class) // other properties: a database of its own
@TestPropertySource(properties = {
        "plaza.trusted-proxies=127.0.0.1",
        "plaza.auth.login.max-failures-per-address=3",
        "plaza.auth.register.max-per-address=3"})
class ClientAddressApiTest extends ApiTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** An address in 198.18.0.0/15 (benchmarking, never routed), different each time. */
    private static String someAddress() {
        return "198." + (18 + RANDOM.nextInt(2)) + "." + RANDOM.nextInt(256) + "." + (1 + RANDOM.nextInt(254));
    }

    private String wrongLogin() {
        return HttpApi.JSON.valueToTree(body("username", unique("nobody"), "password", "Wrong-Password-1")).toString();
    }

    @Test
    void aClientThatIsNoTrustedProxyCannotEscapeTheAddressLimitByRotatingXForwardedFor() throws IOException {
        for (int i = 0; i < 3; i++) {
            assertThat(postFrom("127.0.0.2", "/api/auth/login/", wrongLogin(), "X-Forwarded-For", someAddress()))
                    .isEqualTo(401);
        }
        assertThat(postFrom("127.0.0.2", "/api/auth/login/", wrongLogin(), "X-Forwarded-For", someAddress()))
                .isEqualTo(429);
        assertThat(postFrom("127.0.0.2", "/api/auth/login/", wrongLogin(), "X-Forwarded-For", someAddress() + ", " + someAddress()))
                .isEqualTo(429);
    }

    @Test
    void behindATrustedProxyTheRightMostHopThatIsNoTrustedProxyIsTheKey() {
        String client = someAddress();
        for (int i = 0; i < 3; i++) {
            Response r = api.post("/api/auth/login/", body("username", unique("nobody"), "password", "Wrong-Password-1"),
                    null, "X-Forwarded-For", someAddress() + ", " + client);
            assertThat(r.status()).as(r.toString()).isEqualTo(401);
        }
        // a new spoofed left-most entry, and a second trusted hop on the right, change nothing
        Response spoofed = api.post("/api/auth/login/", body("username", unique("nobody"), "password", "Wrong-Password-1"),
                null, "X-Forwarded-For", someAddress() + ", " + client + ", 127.0.0.1");
        assertThat(spoofed.status()).as(spoofed.toString()).isEqualTo(429);
        assertThat(spoofed.header("Retry-After")).isPresent();
        // another client behind the same proxy has limits of its own
        Response other = api.post("/api/auth/login/", body("username", unique("nobody"), "password", "Wrong-Password-1"),
                null, "X-Forwarded-For", client + ", " + someAddress());
        assertThat(other.status()).as(other.toString()).isEqualTo(401);
    }

    @Test
    void registrationsAreLimitedPerAddress() {
        String client = someAddress();
        for (int i = 0; i < 3; i++) {
            assertThat(registerFrom(client).status()).isEqualTo(201);
        }
        Response refused = registerFrom(client);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
        assertThat(Long.parseLong(refused.header("Retry-After").orElseThrow())).isBetween(1L, 3600L);
        assertThat(registerFrom(someAddress()).status()).isEqualTo(201);
    }

    private Response registerFrom(String address) {
        String name = unique("farm");
        Response r = api.post("/api/auth/register/", body("username", name, "email", name + "@example.com",
                "password", PASSWORD, "phone_number", phone(), "role", "consumer"), null, "X-Forwarded-For", address);
        assertThat(r.status()).as(r.toString()).isIn(201, 429);
        return r;
    }

    /** A JSON POST over a connection from {@code localAddress}, which HttpClient cannot choose; the status. */
    private int postFrom(String localAddress, String path, String json, String... headers) throws IOException {
        List<String> lines = new ArrayList<>(List.of("Content-Type: application/json"));
        for (int i = 0; i < headers.length; i += 2) {
            lines.add(headers[i] + ": " + headers[i + 1]);
        }
        return RawHttp.send(port, localAddress, "POST " + path + " HTTP/1.1", lines,
                json.getBytes(StandardCharsets.UTF_8)).status();
    }
}
