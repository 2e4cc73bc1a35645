package co.plaza.app.api;

import co.plaza.identity.command.auth.Throttle;
import co.plaza.platform.test.HttpApi.Response;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static co.plaza.platform.test.HttpApi.body;
import static org.assertj.core.api.Assertions.assertThat;

class AuthApiTest extends ApiTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Throttle throttle;

    @Test
    void registerAnswers201WithTheUserAndNeverAHash() {
        String name = unique("Sofía.");
        Response r = api.post("/api/auth/register/", body("username", name, "email", name + "@Example.com",
                "password", PASSWORD, "phone_number", "(300) 555-" + String.format("%04d", (int) (Math.random() * 10000)),
                "role", "specialist", "first_name", "Sofía", "unknown_field", "ignored", "is_staff", true), null);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        JsonNode user = r.json();
        assertThat(user.path("id").asText()).hasSize(36);
        assertThat(user.path("legacy_id").isNull()).isTrue();
        assertThat(user.path("username").asText()).isEqualTo(name);
        assertThat(user.path("email").asText()).isEqualTo(name + "@Example.com");
        assertThat(user.path("phone_number").asText()).startsWith("+57300555");
        assertThat(user.path("role").asText()).isEqualTo("specialist");
        assertThat(user.path("is_staff").asBoolean()).as("read-only field ignored").isFalse();
        assertThat(user.path("is_active").asBoolean()).isTrue();
        assertThat(user.path("profile_picture").isNull()).isTrue();
        assertThat(user.has("date_joined")).isTrue();
        assertThat(r.raw()).doesNotContain("password").doesNotContain("argon2");
        assertThat(r.header("ETag")).contains("\"0\"");
        assertThat(r.header("X-Correlation-Id")).isPresent();
        // the account can log in as soon as the answer is sent
        assertThat(login(name.toUpperCase(), PASSWORD)).isNotBlank();
    }

    @Test
    void invalidRegistrationsAre400sNamingTheFieldsAndChangeNothing() {
        Response r = api.post("/api/auth/register/", body("username", "bad name!", "email", "not-an-email",
                "password", "password", "phone_number", "12", "role", "king"), null);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().fieldNames()).toIterable()
                .contains("username", "email", "password", "phone_number", "role");
        assertThat(r.json().path("role").get(0).asText()).isEqualTo("No es una opción válida.");

        Response missing = api.post("/api/auth/register", body(), null, "Accept-Language", "en");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().path("username").get(0).asText()).isEqualTo("This field is required.");

        Response malformed = api.post("/api/auth/register/", "{\"username\": ", null);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().has("detail")).isTrue();

        Response wrongType = api.post("/api/auth/register/", body("username", List.of("x"), "email", "a@b.co",
                "password", PASSWORD, "phone_number", phone(), "role", "consumer"), null);
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.json().has("username")).isTrue();

        Response shortPassword = api.post("/api/auth/register/", body("username", unique("u"), "email", "a@b.co",
                "password", "Ab1!", "phone_number", phone(), "role", "consumer"), null);
        assertThat(shortPassword.json().path("password").toString()).contains("8");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM user_credentials WHERE email_key = 'a@b.co'", Long.class)).isZero();
    }

    @Test
    void usernamesEmailsAndPhonesAreUniqueIgnoringCase() {
        String name = unique("Ñandú");
        JsonNode first = register(name, "consumer");
        Response sameName = api.post("/api/auth/register/", body("username", name.toUpperCase(), "email",
                unique("x") + "@example.com", "password", PASSWORD, "phone_number", phone(), "role", "consumer"), null);
        assertThat(sameName.status()).isEqualTo(400);
        assertThat(sameName.json().has("username")).isTrue();

        Response sameEmail = api.post("/api/auth/register/", body("username", unique("other"), "email",
                (name + "@EXAMPLE.com").toUpperCase(), "password", PASSWORD, "phone_number", phone(), "role", "consumer"), null);
        assertThat(sameEmail.status()).isEqualTo(400);
        assertThat(sameEmail.json().has("email")).isTrue();

        Response samePhone = api.post("/api/auth/register/", body("username", unique("other"), "email",
                unique("o") + "@example.com", "password", PASSWORD,
                "phone_number", first.path("phone_number").asText(), "role", "consumer"), null);
        assertThat(samePhone.status()).isEqualTo(400);
        assertThat(samePhone.json().has("phone_number")).isTrue();
    }

    @Test
    void twoSimultaneousRegistrationsOfOneUsernameGiveOne201AndOne400() throws Exception {
        for (int round = 0; round < 3; round++) {
            String name = unique("race");
            int clients = 4;
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                int n = i;
                Callable<Integer> call = () -> {
                    start.await();
                    return api.post("/api/auth/register/", body("username", name, "email", name + n + "@example.com",
                            "password", PASSWORD, "phone_number", phone(), "role", "consumer"), null).status();
                };
                results.add(pool.submit(call));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : results) {
                statuses.add(f.get());
            }
            pool.shutdown();
            assertThat(statuses).as("round " + round).containsOnlyOnce(201).filteredOn(s -> s != 201).containsOnly(400);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM user_credentials WHERE username = ?", Long.class, name))
                    .isEqualTo(1);
        }
    }

    @Test
    void loginByUsernameOrEmailIgnoringCaseAndRefusalsLookTheSame() {
        String name = unique("Login");
        register(name, "consumer");
        Response ok = api.post("/api/auth/login/", body("username", (name + "@example.com").toUpperCase(), "password", PASSWORD), null);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().path("expires_in").asInt()).isEqualTo(900);
        assertThat(ok.json().path("refresh").asText()).isNotBlank();
        assertThat(ok.json().path("user").path("username").asText()).isEqualTo(name);

        Response wrong = api.post("/api/auth/login/", body("username", name, "password", "Wrong-Password-1"), null);
        Response unknown = api.post("/api/auth/login/", body("username", unique("nobody"), "password", "Wrong-Password-1"), null);
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(wrong.raw()).isEqualTo(unknown.raw());
    }

    @Test
    void fiveFailedLoginsLockTheAccountWith429AndRetryAfter() {
        String name = unique("locked");
        register(name, "consumer");
        for (int i = 0; i < 5; i++) {
            assertThat(api.post("/api/auth/login/", body("username", name, "password", "Wrong-Password-" + i), null).status())
                    .isEqualTo(401);
        }
        Response locked = api.post("/api/auth/login/", body("username", name, "password", PASSWORD), null);
        assertThat(locked.status()).isEqualTo(429);
        assertThat(Long.parseLong(locked.header("Retry-After").orElseThrow())).isBetween(1L, 900L);
        // another account from the same address is not affected
        String other = unique("free");
        register(other, "consumer");
        assertThat(login(other, PASSWORD)).isNotBlank();
    }

    @Test
    void twentyParallelWrongLoginsForOneAccountGetExactlyFive401s() throws Exception {
        String name = unique("parallel");
        register(name, "consumer");
        int clients = 20;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<Response>> results = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            int n = i;
            results.add(pool.submit(() -> {
                start.await();
                return api.post("/api/auth/login/", body("username", name, "password", "Wrong-Password-" + n), null);
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Response> f : results) {
            Response r = f.get();
            statuses.add(r.status());
            if (r.status() == 429) {
                assertThat(r.header("Retry-After")).as(r.toString()).isPresent();
            }
        }
        pool.shutdown();
        assertThat(statuses.stream().filter(s -> s == 401).count()).as(statuses.toString()).isEqualTo(5);
        assertThat(statuses.stream().filter(s -> s == 429).count()).as(statuses.toString()).isEqualTo(15);
    }

    @Test
    void theUsernameAndTheEmailOfOneAccountShareItsLimit() {
        String name = unique("both");
        register(name, "consumer");
        for (int i = 0; i < 3; i++) {
            assertThat(api.post("/api/auth/login/", body("username", name, "password", "Wrong-Password-" + i), null)
                    .status()).isEqualTo(401);
        }
        for (int i = 0; i < 2; i++) {
            assertThat(api.post("/api/auth/login/", body("email", (name + "@example.com").toUpperCase(),
                    "password", "Wrong-Password-" + i), null).status()).isEqualTo(401);
        }
        Response locked = api.post("/api/auth/login/", body("username", name, "password", PASSWORD), null);
        assertThat(locked.status()).as(locked.toString()).isEqualTo(429);
        assertThat(locked.header("Retry-After")).isPresent();

        // an identifier that names no account is limited alike (by its folded form) and answers the same
        String nobody = unique("Nadie");
        for (int i = 0; i < 5; i++) {
            assertThat(api.post("/api/auth/login/", body("username", i % 2 == 0 ? nobody : nobody.toUpperCase(),
                    "password", "Wrong-Password-" + i), null).status()).isEqualTo(401);
        }
        Response unknown = api.post("/api/auth/login/", body("username", nobody, "password", PASSWORD), null);
        assertThat(unknown.status()).isEqualTo(429);
        assertThat(unknown.raw()).isEqualTo(locked.raw());
    }

    @Test
    void guessingTheOldPasswordIsLimitedPerAccountLikeFailedLogins() {
        Account user = account("guess", "consumer");
        for (int i = 0; i < 5; i++) {
            Response wrong = api.post("/api/auth/change-password/", body("old_password", "Wrong-Password-" + i,
                    "new_password", "Otra-Clave-2024"), user.token());
            assertThat(wrong.status()).as(wrong.toString()).isEqualTo(400);
            assertThat(wrong.json().has("old_password")).isTrue();
        }
        Response locked = api.post("/api/auth/change-password/", body("old_password", PASSWORD,
                "new_password", "Otra-Clave-2024"), user.token());
        assertThat(locked.status()).as(locked.toString()).isEqualTo(429);
        assertThat(locked.header("Retry-After")).isPresent();
        // the same limit as logins: the guesses lock the account's password login too
        assertThat(api.post("/api/auth/login/", body("username", user.username(), "password", PASSWORD), null)
                .status()).isEqualTo(429);
    }

    @Test
    void aNulInTheUsernameIsA400NamingTheField() {
        Response r = api.post("/api/auth/login/", body("username", "nul\u0000name", "password", PASSWORD), null);
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.json().has("username")).isTrue();
        Response email = api.post("/api/auth/login/", body("email", "a\u0000@b.co", "password", PASSWORD), null);
        assertThat(email.status()).as(email.toString()).isEqualTo(400);
        assertThat(email.json().has("email")).isTrue();
    }

    @Test
    void theThrottleTakesAnyStringAsAKey() {
        Throttle.Limit limit = new Throttle.Limit("test-any-key", 1, Duration.ofMinutes(1), true);
        for (String key : List.of("nul\u0000key", "lone\uD800surrogate", "x".repeat(10_000), "", "\uFFFF")) {
            String unique = key + UUID.randomUUID();
            assertThat(throttle.hit(limit, unique).allowed()).as(key).isTrue();
            assertThat(throttle.hit(limit, unique).allowed()).as(key).isFalse();
        }
    }

    @Test
    void refreshTokensRotateAndAReusedOneRevokesItsFamily() {
        String name = unique("refresh");
        register(name, "consumer");
        Response login = api.post("/api/auth/login/", body("username", name, "password", PASSWORD), null);
        String first = login.text("refresh");
        Response rotated = api.post("/api/auth/token/refresh/", body("refresh", first), null);
        assertThat(rotated.status()).isEqualTo(200);
        String second = rotated.text("refresh");
        assertThat(second).isNotEqualTo(first);
        assertThat(api.get("/api/auth/users/", rotated.text("token")).status()).isEqualTo(200);

        assertThat(api.post("/api/auth/token/refresh/", body("refresh", first), null).status()).as("reuse").isEqualTo(401);
        assertThat(api.post("/api/auth/token/refresh/", body("refresh", second), null).status()).as("family revoked").isEqualTo(401);
        assertThat(api.post("/api/auth/token/refresh/", body("refresh", "garbage"), null).status()).isEqualTo(401);
    }

    @Test
    void logoutRevokesThatRefreshToken() {
        String name = unique("logout");
        register(name, "consumer");
        Response login = api.post("/api/auth/login/", body("username", name, "password", PASSWORD), null);
        assertThat(api.post("/api/auth/logout/", body("refresh", login.text("refresh")), null).status()).isEqualTo(401);
        assertThat(api.post("/api/auth/logout/", body("refresh", login.text("refresh")), login.text("token")).status()).isEqualTo(204);
        assertThat(api.post("/api/auth/token/refresh/", body("refresh", login.text("refresh")), null).status()).isEqualTo(401);
    }

    @Test
    void changePasswordChecksTheOldOneAndRevokesOtherSessions() {
        String name = unique("change");
        register(name, "consumer");
        Response session = api.post("/api/auth/login/", body("username", name, "password", PASSWORD), null);
        String token = session.text("token");
        assertThat(api.post("/api/auth/change-password/", body("old_password", "nope-nope-nope", "new_password", "Otra-Clave-2024"), token)
                .json().has("old_password")).isTrue();
        assertThat(api.post("/api/auth/change-password/", body("old_password", PASSWORD, "new_password", "password"), token)
                .json().has("new_password")).isTrue();
        assertThat(api.post("/api/auth/change-password/", body("old_password", PASSWORD, "new_password", "Otra-Clave-2024"), token)
                .status()).isEqualTo(200);
        assertThat(api.post("/api/auth/token/refresh/", body("refresh", session.text("refresh")), null).status()).isEqualTo(401);
        assertThat(api.post("/api/auth/login/", body("username", name, "password", PASSWORD), null).status()).isEqualTo(401);
        assertThat(login(name, "Otra-Clave-2024")).isNotBlank();
    }

    @Test
    void protectedEndpointsNeedAValidToken() {
        assertThat(api.get("/api/auth/users/", null).status()).isEqualTo(401);
        Response forged = api.get("/api/auth/users/", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.");
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.json().path("detail").asText()).isNotBlank();
        assertThat(forged.raw()).doesNotContain("Exception");
    }

    @Test
    void bootstrapAdminExistsWithStaffRights() {
        String token = adminToken();
        Response users = api.get("/api/auth/users/?search=" + ADMIN, token);
        JsonNode admin = users.json().path("results").get(0);
        assertThat(admin.path("username").asText()).isEqualTo(ADMIN);
        assertThat(admin.path("is_staff").asBoolean()).isTrue();
        assertThat(admin.path("role").asText()).isEqualTo("consumer");
    }
}
