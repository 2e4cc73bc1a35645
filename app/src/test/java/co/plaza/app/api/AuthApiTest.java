package co.plaza.app.api;

import co.plaza.identity.command.auth.Throttle;
import co.plaza.identity.api.Role;
import co.plaza.identity.api.UserCommands.RegisterUserCommand;
import co.plaza.platform.test.HttpApi.Response;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
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
    @Autowired
    CommandGateway commands;

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

    /**
     * Every refusal of a login is the same 401, whatever the account: unknown, Argon2, a migrated PBKDF2 hash, or
     * deactivated (the hashing work is the same for each: PasswordHasherTest); a legacy hash that verifies becomes
     * Argon2id.
     */
    @Test
    void loginAnswersAlikeForEveryKindOfAccountAndRehashesALegacyHash() throws Exception {
        String legacy = unique("legacy");
        commands.sendAndWait(new RegisterUserCommand(UUID.randomUUID(), null, legacy, legacy + "@example.com", null,
                djangoPbkdf2("Vieja-Clave-2019", 1000), "Old", "Timer", Role.CONSUMER, false, true,
                Instant.now().truncatedTo(ChronoUnit.MICROS), true));
        String modern = unique("modern");
        register(modern, "consumer");
        String inactive = unique("inactive");
        JsonNode off = register(inactive, "consumer");
        assertThat(api.patch("/api/auth/users/" + off.path("id").asText() + "/", body("is_active", false), adminToken())
                .status()).isEqualTo(200);

        List<Response> refusals = List.of(
                api.post("/api/auth/login/", body("username", modern, "password", "Wrong-Password-1"), null),
                api.post("/api/auth/login/", body("username", legacy, "password", "Wrong-Password-1"), null),
                api.post("/api/auth/login/", body("username", unique("nobody"), "password", "Wrong-Password-1"), null),
                api.post("/api/auth/login/", body("username", inactive, "password", PASSWORD), null));
        for (Response refusal : refusals) {
            assertThat(refusal.status()).isEqualTo(401);
            assertThat(refusal.raw()).isEqualTo(refusals.get(0).raw());
        }

        assertThat(login(legacy, "Vieja-Clave-2019")).isNotBlank();
        assertThat(jdbc.queryForObject("SELECT password_hash FROM user_credentials WHERE username = ?", String.class, legacy))
                .startsWith("$argon2id$");
        assertThat(login(legacy, "Vieja-Clave-2019")).as("with the new hash").isNotBlank();
    }

    private static String djangoPbkdf2(String password, int iterations) throws Exception {
        String salt = unique("salt");
        byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(new PBEKeySpec(
                password.toCharArray(), salt.getBytes(StandardCharsets.UTF_8), iterations, 256)).getEncoded();
        return "pbkdf2_sha256$" + iterations + "$" + salt + "$" + Base64.getEncoder().encodeToString(key);
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
        Response other = api.post("/api/auth/login/", body("username", name, "password", PASSWORD), null);
        Response changed = api.post("/api/auth/change-password/", body("old_password", PASSWORD, "new_password", "Otra-Clave-2024"), token);
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().path("expires_in").asInt()).isEqualTo(900);

        // the caller goes on in the session the answer gives; every other session, and every older token, ends
        assertThat(api.get("/api/auth/users/", changed.text("token")).status()).isEqualTo(200);
        Response renewed = api.post("/api/auth/token/refresh/", body("refresh", changed.text("refresh")), null);
        assertThat(renewed.status()).as("the caller's session survives: " + renewed).isEqualTo(200);
        assertThat(api.get("/api/auth/users/", renewed.text("token")).status()).isEqualTo(200);
        assertThat(api.post("/api/auth/token/refresh/", body("refresh", other.text("refresh")), null).status())
                .as("another session").isEqualTo(401);
        assertThat(api.post("/api/auth/token/refresh/", body("refresh", session.text("refresh")), null).status()).isEqualTo(401);
        assertThat(api.get("/api/auth/users/", other.text("token")).status()).as("another session's access token").isEqualTo(401);
        assertThat(api.get("/api/auth/users/", token).status()).as("the access token used for the change").isEqualTo(401);
        assertThat(api.post("/api/auth/login/", body("username", name, "password", PASSWORD), null).status()).isEqualTo(401);
        assertThat(login(name, "Otra-Clave-2024")).isNotBlank();
    }

    /** API.md: refresh tokens live 30 days, counted from the login; a rotation does not extend them. */
    @Test
    void aRefreshTokenEndsThirtyDaysAfterItsLoginHoweverOftenItIsRotated() {
        String name = unique("longlived");
        register(name, "consumer");
        Response login = api.post("/api/auth/login/", body("username", name, "password", PASSWORD), null);
        String family = jdbc.queryForObject("SELECT family_id::text FROM refresh_token WHERE token_hash = ?",
                String.class, sha256(login.text("refresh")));
        assertThat(jdbc.queryForObject("""
                SELECT expires_at - created_at BETWEEN interval '30 days' - interval '1 minute' AND interval '30 days'
                FROM refresh_token WHERE token_hash = ?""", Boolean.class, sha256(login.text("refresh")))).isTrue();
        // as if the login had been 30 days minus an hour ago
        jdbc.update("UPDATE refresh_token SET expires_at = now() + interval '1 hour' WHERE family_id = ?::uuid", family);
        Response rotated = api.post("/api/auth/token/refresh/", body("refresh", login.text("refresh")), null);
        assertThat(rotated.status()).isEqualTo(200);
        Response again = api.post("/api/auth/token/refresh/", body("refresh", rotated.text("refresh")), null);
        assertThat(again.status()).isEqualTo(200);
        assertThat(jdbc.queryForObject("""
                SELECT expires_at <= now() + interval '1 hour' FROM refresh_token WHERE token_hash = ?""",
                Boolean.class, sha256(again.text("refresh")))).as("the rotated token ends with its login").isTrue();
        // the 30 days are over: the latest rotation ends too
        jdbc.update("UPDATE refresh_token SET expires_at = now() - interval '1 second' WHERE family_id = ?::uuid", family);
        assertThat(api.post("/api/auth/token/refresh/", body("refresh", again.text("refresh")), null).status()).isEqualTo(401);
    }

    private static String sha256(String token) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A refusal of an email or a phone number does not say whether an account holds it: the same message as for a
     * malformed one (usernames are public and may say they are taken).
     */
    @Test
    void registrationRefusesATakenEmailOrPhoneAsAnUnusableOneWithoutSayingItIsTaken() {
        String name = unique("holder");
        JsonNode first = register(name, "consumer");
        for (String language : List.of("es", "en")) {
            Response takenPhone = api.post("/api/auth/register/", body("username", unique("other"), "email",
                    unique("o") + "@example.com", "password", PASSWORD,
                    "phone_number", first.path("phone_number").asText(), "role", "consumer"), null, "Accept-Language", language);
            Response badPhone = api.post("/api/auth/register/", body("username", unique("other"), "email",
                    unique("o") + "@example.com", "password", PASSWORD, "phone_number", "12", "role", "consumer"),
                    null, "Accept-Language", language);
            assertThat(takenPhone.status()).isEqualTo(badPhone.status()).isEqualTo(400);
            assertThat(takenPhone.json().path("phone_number")).isEqualTo(badPhone.json().path("phone_number"));

            Response takenEmail = api.post("/api/auth/register/", body("username", unique("other"), "email",
                    name.toUpperCase() + "@example.com", "password", PASSWORD, "phone_number", phone(), "role", "consumer"),
                    null, "Accept-Language", language);
            Response badEmail = api.post("/api/auth/register/", body("username", unique("other"), "email",
                    "not-an-email", "password", PASSWORD, "phone_number", phone(), "role", "consumer"),
                    null, "Accept-Language", language);
            assertThat(takenEmail.status()).isEqualTo(badEmail.status()).isEqualTo(400);
            assertThat(takenEmail.json().path("email")).isEqualTo(badEmail.json().path("email"));
            assertThat(takenEmail.raw() + takenPhone.raw()).doesNotContainIgnoringCase("exist")
                    .doesNotContainIgnoringCase("pertenece").doesNotContainIgnoringCase("belongs")
                    .doesNotContainIgnoringCase("taken");
        }
        // the same on a change of one's own details
        Account other = account("changer", "consumer");
        Response patched = api.patch("/api/auth/users/" + other.id() + "/", body("phone_number",
                first.path("phone_number").asText()), other.token());
        assertThat(patched.status()).isEqualTo(400);
        assertThat(patched.json().path("phone_number").get(0).asText())
                .isEqualTo("No se puede usar este número de teléfono; revíselo o use otro.");
    }

    /**
     * Usernames and login emails are one identifier space: registering someone's email as a username (or someone's
     * @-username as an email) must not capture their login.
     */
    @Test
    void aUsernameCannotBeSomeoneElsesEmailNorAnEmailSomeoneElsesUsername() {
        // email first, then a username equal to that email (case folded)
        String victim = unique("victim");
        register(victim, "consumer");
        String email = victim + "@example.com";
        Response squat = api.post("/api/auth/register/", body("username", email.toUpperCase(), "email",
                unique("sq") + "@example.com", "password", PASSWORD, "phone_number", phone(), "role", "consumer"), null);
        assertThat(squat.status()).as(squat.toString()).isEqualTo(400);
        assertThat(squat.json().has("username")).isTrue();
        Response loggedIn = api.post("/api/auth/login/", body("username", email, "password", PASSWORD), null);
        assertThat(loggedIn.status()).isEqualTo(200);
        assertThat(loggedIn.json().path("user").path("username").asText()).as("the email logs its owner in").isEqualTo(victim);
        Account renamer = account("renamer", "consumer");
        assertThat(api.patch("/api/auth/users/" + renamer.id() + "/", body("username", email), renamer.token()).status())
                .as("nor by a change of username").isEqualTo(400);

        // username first, then an email equal to that username
        String atName = unique("at") + "@plaza.example.co";
        Response owner = api.post("/api/auth/register/", body("username", atName, "email", unique("own") + "@example.com",
                "password", PASSWORD, "phone_number", phone(), "role", "consumer"), null);
        assertThat(owner.status()).as(owner.toString()).isEqualTo(201);
        Response taker = api.post("/api/auth/register/", body("username", unique("taker"), "email", atName.toUpperCase(),
                "password", "Otra-Clave-Distinta-7", "phone_number", phone(), "role", "consumer"), null);
        assertThat(taker.status()).as(taker.toString()).isEqualTo(400);
        assertThat(taker.json().has("email")).isTrue();
        assertThat(api.patch("/api/auth/users/" + renamer.id() + "/", body("email", atName), renamer.token()).status())
                .as("nor by a change of email").isEqualTo(400);
        Response atLogin = api.post("/api/auth/login/", body("username", atName, "password", PASSWORD), null);
        assertThat(atLogin.json().path("user").path("id").asText()).isEqualTo(owner.json().path("id").asText());

        // one's own username may be one's own email, and changing that email away keeps the username reserved
        String self = unique("self") + "@example.com";
        Response same = api.post("/api/auth/register/", body("username", self, "email", self, "password", PASSWORD,
                "phone_number", phone(), "role", "consumer"), null);
        assertThat(same.status()).as(same.toString()).isEqualTo(201);
        String selfToken = login(self, PASSWORD);
        assertThat(api.patch("/api/auth/users/" + same.json().path("id").asText() + "/",
                body("email", unique("new") + "@example.com"), selfToken).status()).isEqualTo(200);
        Response reuse = api.post("/api/auth/register/", body("username", unique("reuse"), "email", self,
                "password", PASSWORD, "phone_number", phone(), "role", "consumer"), null);
        assertThat(reuse.status()).as("still its owner's username").isEqualTo(400);

        // an email changed away is free again, as an email and as a username
        String moved = unique("moved");
        JsonNode movedUser = register(moved, "consumer");
        String movedToken = login(moved, PASSWORD);
        assertThat(api.patch("/api/auth/users/" + movedUser.path("id").asText() + "/",
                body("email", unique("elsewhere") + "@example.com"), movedToken).status()).isEqualTo(200);
        Response freed = api.post("/api/auth/register/", body("username", moved + "@example.com", "email",
                unique("f") + "@example.com", "password", PASSWORD, "phone_number", phone(), "role", "consumer"), null);
        assertThat(freed.status()).as(freed.toString()).isEqualTo(201);
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
