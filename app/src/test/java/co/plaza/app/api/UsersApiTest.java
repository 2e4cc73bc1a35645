package co.plaza.app.api;

import co.plaza.platform.context.Caller;
import co.plaza.common.api.LegacyIds;
import co.plaza.identity.api.Role;
import co.plaza.identity.api.UserCommands.RegisterUserCommand;
import co.plaza.platform.test.HttpApi.Response;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static co.plaza.platform.test.HttpApi.body;
import static org.assertj.core.api.Assertions.assertThat;

class UsersApiTest extends ApiTest {

    @Autowired
    CommandGateway commands;

    @Test
    void emailAndPhoneAreShownOnlyToTheUserAndAdmins() {
        String a = unique("alice");
        JsonNode alice = register(a, "consumer");
        String b = unique("bob");
        register(b, "consumer");
        String path = "/api/auth/users/" + alice.path("id").asText() + "/";
        assertThat(api.get(path, login(a, PASSWORD)).json().has("email")).isTrue();
        JsonNode seenByBob = api.get(path, login(b, PASSWORD)).json();
        assertThat(seenByBob.has("email")).isFalse();
        assertThat(seenByBob.has("phone_number")).isFalse();
        assertThat(seenByBob.path("username").asText()).isEqualTo(a);
        assertThat(api.get(path, adminToken()).json().path("email").asText()).isEqualTo(a + "@example.com");
        assertThat(api.get("/api/auth/users/" + UUID.randomUUID() + "/", login(b, PASSWORD)).status()).isEqualTo(404);
        assertThat(api.get("/api/auth/users/not-an-id/", login(b, PASSWORD)).status()).isEqualTo(404);
    }

    @Test
    void patchChangesOwnDetailsWithETagsAndStaleIfMatchIs409() {
        String name = unique("patch");
        JsonNode user = register(name, "consumer");
        String token = login(name, PASSWORD);
        String path = "/api/auth/users/" + user.path("id").asText();
        Response patched = api.patch(path + "/", body("first_name", "María", "phone_number", "+57 301 555 0000"),
                token, "If-Match", "\"0\"");
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(patched.json().path("first_name").asText()).isEqualTo("María");
        assertThat(patched.json().path("last_name").asText()).as("untouched").isEqualTo("Apellido");
        assertThat(patched.json().path("phone_number").asText()).isEqualTo("+573015550000");
        assertThat(patched.header("ETag")).contains("\"1\"");

        Response stale = api.patch(path, body("first_name", "Otra"), token, "If-Match", "\"0\"");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(api.get(path, token).json().path("first_name").asText()).as("nothing changed").isEqualTo("María");
        assertThat(api.patch(path, body("last_name", "López"), token, "If-Match", "*").status()).isEqualTo(200);

        Response bad = api.patch(path, body("email", "nope", "phone_number", 12), token);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().has("email")).isTrue();
    }

    @Test
    void putReplacesTheEditableFieldsAndNeedsTheRequiredOnes() {
        String name = unique("putter");
        JsonNode user = register(name, "consumer");
        String token = login(name, PASSWORD);
        String path = "/api/auth/users/" + user.path("id").asText() + "/";
        Response incomplete = api.put(path, body("first_name", "Solo"), token);
        assertThat(incomplete.status()).isEqualTo(400);
        assertThat(incomplete.json().fieldNames()).toIterable().contains("username", "email");
        String renamed = unique("renamed");
        Response put = api.put(path, body("username", renamed, "email", renamed + "@example.com", "first_name", "Nuevo",
                "last_name", "Nombre", "phone_number", null), token);
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        assertThat(put.json().path("username").asText()).isEqualTo(renamed);
        assertThat(put.json().path("phone_number").isNull()).isTrue();
        assertThat(login(renamed, PASSWORD)).isNotBlank();
        assertThat(api.post("/api/auth/login/", body("username", name + "@example.com", "password", PASSWORD), null).status())
                .as("the old email no longer logs in").isEqualTo(401);
    }

    @Test
    void aUserChangesOnlyTheirOwnAccountAndOnlyAdminsChangeRoleAndActivity() {
        String a = unique("owner");
        JsonNode owner = register(a, "consumer");
        String b = unique("intruder");
        register(b, "consumer");
        String path = "/api/auth/users/" + owner.path("id").asText() + "/";
        String intruder = login(b, PASSWORD);
        assertThat(api.patch(path, body("first_name", "Hacked"), intruder).status()).isEqualTo(403);
        assertThat(api.delete(path, intruder).status()).isEqualTo(403);
        assertThat(api.patch(path, body("role", "specialist"), login(a, PASSWORD)).status()).isEqualTo(403);
        assertThat(api.patch(path, body("role", "wizard"), adminToken()).status()).isEqualTo(400);
        assertThat(api.get(path, login(a, PASSWORD)).json().path("first_name").asText()).isEqualTo("Nombre");
    }

    /**
     * API.md, Conventions: a user the caller may see but not change is a 403; one that does not exist is a 404 for
     * everyone, admins included, and a legacy id that resolves to nobody too.
     */
    @Test
    void changesToAUserThatDoesNotExistAre404AndToAnotherUserA403() {
        Account caller = account("prober", "consumer");
        Account other = account("neighbour", "consumer");
        String admin = adminToken();
        for (String missing : List.of(UUID.randomUUID().toString(), "987654321")) {
            String path = "/api/auth/users/" + missing + "/";
            for (String token : List.of(caller.token(), admin)) {
                assertThat(api.patch(path, body("first_name", "X"), token).status()).as("PATCH " + path).isEqualTo(404);
                assertThat(api.put(path, body("username", unique("x"), "email", "x@example.com", "first_name", "X"),
                        token).status()).as("PUT " + path).isEqualTo(404);
                assertThat(api.delete(path, token).status()).as("DELETE " + path).isEqualTo(404);
            }
        }
        String othersPath = "/api/auth/users/" + other.id() + "/";
        assertThat(api.patch(othersPath, body("first_name", "X"), caller.token()).status()).isEqualTo(403);
        assertThat(api.patch(othersPath, body("first_name", "X"), caller.token(), "If-Match", "\"99\"").status())
                .as("the right to change comes before the version").isEqualTo(403);
        assertThat(api.delete(othersPath, caller.token()).status()).isEqualTo(403);
        assertThat(api.get(othersPath, other.token()).json().path("first_name").asText()).isEqualTo("Nombre");
    }

    @Test
    void adminRoleChangeProvisionsTheNewProfileAndKeepsTheOld() {
        String name = unique("rolechange");
        JsonNode user = register(name, "consumer");
        String id = user.path("id").asText();
        String admin = adminToken();
        await(() -> api.get("/api/profiles/consumers/by-user/" + id + "/", admin).status() == 200, "consumer profile");
        Response changed = api.patch("/api/auth/users/" + id + "/", body("role", "specialist"), admin);
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().path("role").asText()).isEqualTo("specialist");
        await(() -> api.get("/api/profiles/specialists/by-user/" + id + "/", null).status() == 200, "specialist profile");
        assertThat(api.get("/api/profiles/consumers/by-user/" + id + "/", admin).status()).isEqualTo(200);
    }

    @Test
    void deactivationRefusesLoginAndHidesProfiles() {
        String name = unique("inactive");
        JsonNode user = register(name, "specialist");
        String id = user.path("id").asText();
        await(() -> api.get("/api/profiles/specialists/by-user/" + id + "/", null).status() == 200, "profile");
        Response refresh = api.post("/api/auth/login/", body("username", name, "password", PASSWORD), null);
        Response off = api.patch("/api/auth/users/" + id + "/", body("is_active", false), adminToken());
        assertThat(off.json().path("is_active").asBoolean()).isFalse();
        assertThat(api.post("/api/auth/login/", body("username", name, "password", PASSWORD), null).status()).isEqualTo(401);
        assertThat(api.post("/api/auth/token/refresh/", body("refresh", refresh.text("refresh")), null).status()).isEqualTo(401);
        await(() -> api.get("/api/profiles/specialists/by-user/" + id + "/", null).status() == 404, "profile hidden");

        String admin = adminToken();
        assertThat(api.patch("/api/auth/users/" + id + "/", body("is_active", true), admin).json().path("is_active").asBoolean()).isTrue();
        assertThat(api.post("/api/auth/token/refresh/", body("refresh", refresh.text("refresh")), null).status())
                .as("reactivation does not revive old sessions").isEqualTo(401);
        assertThat(login(name, PASSWORD)).isNotBlank();
    }

    @Test
    void deleteAnonymisesTheAccountAndKeepsTheUsernameReserved() {
        String name = unique("leaver");
        JsonNode user = register(name, "businessman");
        String id = user.path("id").asText();
        String token = login(name, PASSWORD);
        await(() -> api.get("/api/profiles/businessmen/by-user/" + id + "/", null).status() == 200, "profile");
        assertThat(api.patch("/api/profiles/businessmen/" + api.get("/api/profiles/businessmen/by-user/" + id + "/", null)
                .text("id") + "/", body("company_name", "Ferretería Ñ"), token).status()).isEqualTo(200);
        assertThat(api.delete("/api/auth/users/" + id + "/", token).status()).isEqualTo(204);

        JsonNode seen = api.get("/api/auth/users/" + id + "/", adminToken()).json();
        assertThat(seen.path("is_active").asBoolean()).isFalse();
        assertThat(seen.path("first_name").asText()).isEmpty();
        assertThat(seen.path("email").asText()).isEmpty();
        assertThat(seen.path("phone_number").isNull()).isTrue();
        assertThat(api.post("/api/auth/login/", body("username", name, "password", PASSWORD), null).status()).isEqualTo(401);
        Response again = api.post("/api/auth/register/", body("username", name, "email", name + "@example.com",
                "password", PASSWORD, "phone_number", phone(), "role", "consumer"), null);
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().has("username")).as("username stays reserved").isTrue();
        assertThat(again.json().has("email")).as("email is released: " + again).isFalse();
    }

    @Test
    void searchMatchesEveryWordIgnoringCaseAndAccentsAndFiltersByRole() {
        String tag = unique("zq");
        String a = unique("ana");
        api.post("/api/auth/register/", body("username", a, "email", a + "@example.com", "password", PASSWORD,
                "phone_number", phone(), "role", "specialist", "first_name", "Ángela" + tag, "last_name", "Muñoz"), null);
        String b = unique("beto");
        api.post("/api/auth/register/", body("username", b, "email", b + "@example.com", "password", PASSWORD,
                "phone_number", phone(), "role", "consumer", "first_name", "Angela" + tag, "last_name", "Pérez"), null);
        String token = login(a, PASSWORD);
        Response both = api.get("/api/auth/users/?search=ANGELA" + tag, token);
        assertThat(both.json().path("count").asLong()).isEqualTo(2);
        Response one = api.get("/api/auth/users/?search=angela" + tag + "%20munoz", token);
        assertThat(one.json().path("count").asLong()).isEqualTo(1);
        assertThat(one.json().path("results").get(0).path("username").asText()).isEqualTo(a);
        Response byRole = api.get("/api/auth/users/?search=angela" + tag + "&role=consumer", token);
        assertThat(byRole.json().path("results").get(0).path("username").asText()).isEqualTo(b);
        assertThat(api.get("/api/auth/users/?role=emperor", token).status()).isEqualTo(400);
    }

    @Test
    void listsArePaginatedTheDrfWay() {
        String token = login(register(unique("pager"), "consumer").path("username").asText(), PASSWORD);
        for (int i = 0; i < 3; i++) {
            register(unique("pg"), "consumer");
        }
        Response page1 = api.get("/api/auth/users/?page_size=2", token);
        assertThat(page1.json().path("count").asLong()).isGreaterThanOrEqualTo(4);
        assertThat(page1.json().path("results").size()).isEqualTo(2);
        assertThat(page1.json().path("previous").isNull()).isTrue();
        assertThat(page1.json().path("next").asText()).startsWith("http://").contains("page=2");
        Response page2 = api.get("/api/auth/users/?page_size=2&page=2", token);
        assertThat(page2.json().path("previous").asText()).contains("page_size=2");
        assertThat(api.get("/api/auth/users/?page=9999", token).json().path("detail").asText()).isEqualTo("Página inválida.");
        Response searchPastTheEnd = api.get("/api/auth/users/?search=pg&page=9999", token);
        assertThat(searchPastTheEnd.status()).as("a search page past the end, even past the result window, is a 404")
                .isEqualTo(404);
        assertThat(searchPastTheEnd.json().path("detail").asText()).isEqualTo("Página inválida.");
        assertThat(api.get("/api/auth/users/?page_size=500", token).json().path("results").size()).isLessThanOrEqualTo(100);
    }

    @Test
    void legacyIntegerIdsResolveToTheMigratedUser() {
        long legacyId = 900_000 + (long) (Math.random() * 99_999);
        UUID id = LegacyIds.of("authentication_user", legacyId);
        String name = unique("legacy");
        commands.sendAndWait(new RegisterUserCommand(id, legacyId, name, name + "@example.com", null,
                "pbkdf2_sha256$1000$salt$invalid", "Old", "Timer", Role.CONSUMER, false, true,
                Instant.parse("2019-03-01T10:00:00Z"), true), Caller.system().metaData());
        String token = login(register(unique("viewer"), "consumer").path("username").asText(), PASSWORD);
        await(() -> api.get("/api/auth/users/" + legacyId + "/", token).status() == 200, "legacy user visible");
        JsonNode user = api.get("/api/auth/users/" + legacyId, token).json();
        assertThat(user.path("id").asText()).isEqualTo(id.toString());
        assertThat(user.path("legacy_id").asLong()).isEqualTo(legacyId);
        assertThat(user.path("date_joined").asText()).startsWith("2019-03-01T10:00");
    }

    /**
     * With the users read model stopped the caller's write can never be reached: a read that waited would end at
     * the bound, flagged stale. The eventual one answers at once, unflagged, with what the read side has: it did not wait.
     */
    @Test
    void anEventualReadSkipsTheWaitAndAStrongOneIsTheDefault() {
        Account user = account("consistent", "consumer");
        String path = "/api/auth/users/" + user.id() + "/";
        assertThat(api.get(path, user.token()).header("X-Consistency-Stale")).isEmpty();

        withProcessorsStopped(() -> {
            Response patched = api.patch(path, body("first_name", "Pronto"), user.token(), "X-Consistency", "eventual");
            assertThat(patched.status()).as(patched.toString()).isEqualTo(200);

            Response eventual = api.get(path, user.token(), "X-Consistency", "eventual");
            assertThat(eventual.status()).isEqualTo(200);
            assertThat(eventual.header("X-Consistency-Stale")).as("answered without waiting").isEmpty();
            assertThat(eventual.json().path("first_name").asText()).as("what the read side has").isEqualTo("Nombre");

            Response byDefault = api.get(path, user.token());
            assertThat(byDefault.status()).isEqualTo(200);
            assertThat(byDefault.header("X-Consistency-Stale")).as("waited for the write, in vain").contains("true");
            Response strong = api.get(path, user.token(), "X-Consistency", "strong");
            assertThat(strong.header("X-Consistency-Stale")).as("strong is the default").contains("true");
        }, "users-projection");

        await(() -> api.get(path, user.token()).json().path("first_name").asText().equals("Pronto"),
                "the change reaches the read side");
        assertThat(api.get(path, user.token()).header("X-Consistency-Stale")).isEmpty();
    }
}
