package co.plaza.app.api;

import co.plaza.platform.test.HttpApi.Response;
import org.junit.jupiter.api.Test;

import static co.plaza.platform.test.HttpApi.body;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An access token lives 15 minutes, but a change that makes it wrong ends it at once: a deactivation, a deletion, a
 * role change, a password change or reset (the user's session epoch, checked on every request).
 */
class AccessTokensApiTest extends ApiTest {

    private String userPath(Account account) {
        return "/api/auth/users/" + account.id() + "/";
    }

    @Test
    void aDeactivatedUsersTokenEndsAtOnceAndReactivationDoesNotReviveIt() {
        Account user = account("ended", "consumer");
        String admin = adminToken();
        assertThat(api.get(userPath(user), user.token()).status()).isEqualTo(200);
        assertThat(api.patch(userPath(user), body("is_active", false), admin).status()).isEqualTo(200);
        assertThat(api.get(userPath(user), user.token()).status()).as("a read").isEqualTo(401);
        assertThat(api.patch(userPath(user), body("first_name", "Sigo"), user.token()).status()).as("a write").isEqualTo(401);
        assertThat(api.post("/api/adds/", body("title", "Bicicleta", "condition", "used"), user.token()).status())
                .isEqualTo(401);

        assertThat(api.patch(userPath(user), body("is_active", true), admin).status()).isEqualTo(200);
        assertThat(api.get(userPath(user), user.token()).status()).isEqualTo(401);
        assertThat(api.get(userPath(user), login(user.username(), PASSWORD)).status()).isEqualTo(200);
        assertThat(api.get(userPath(user), admin).status()).as("the admin's own token goes on").isEqualTo(200);
    }

    @Test
    void aDeletedUsersTokenEnds() {
        Account user = account("deleted", "consumer");
        Account other = account("bystander", "consumer");
        assertThat(api.delete(userPath(user), user.token()).status()).isEqualTo(204);
        assertThat(api.get("/api/auth/users/", user.token()).status()).isEqualTo(401);
        assertThat(api.get("/api/auth/users/", other.token()).status()).as("another user's token").isEqualTo(200);
    }

    @Test
    void aRoleChangeEndsTheOlderTokensAndARefreshGivesOneThatSaysTheNewRole() {
        String name = unique("promoted");
        register(name, "consumer");
        Response session = api.post("/api/auth/login/", body("username", name, "password", PASSWORD), null);
        String id = session.json().path("user").path("id").asText();
        assertThat(api.patch("/api/auth/users/" + id + "/", body("role", "specialist"), adminToken()).status())
                .isEqualTo(200);
        assertThat(api.get("/api/auth/users/", session.text("token")).status()).isEqualTo(401);
        Response refreshed = api.post("/api/auth/token/refresh/", body("refresh", session.text("refresh")), null);
        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(api.get("/api/auth/users/" + id + "/", refreshed.text("token")).json().path("role").asText())
                .isEqualTo("specialist");
    }
}
