package co.plaza.app.api;

import co.plaza.platform.test.HttpApi.Response;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static co.plaza.platform.test.HttpApi.body;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue "Hardening", the worst finding: one NUL that became an event stopped the profiles and users read models for
 * everyone. Text a read model cannot hold is a 400 naming the field at every entry, anonymous ones first, and
 * nothing is written: the read side keeps serving what comes after.
 */
class StorableTextApiTest extends ApiTest {

    private static void refused(Response r, String field) {
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.json().path(field).get(0).asText()).as(r.toString()).isNotBlank();
    }

    @Test
    void aNulInAProfileIsRefusedAndTheProfileAndLaterWritesStayVisible() {
        Account specialist = account("nul", "specialist");
        await(() -> api.get("/api/profiles/specialists/by-user/" + specialist.id() + "/", specialist.token()).status() == 200,
                "the profile is provisioned");
        JsonNode profile = api.get("/api/profiles/specialists/by-user/" + specialist.id() + "/", specialist.token()).json();
        String path = "/api/profiles/specialists/" + profile.path("id").asText() + "/";

        refused(api.patch(path, body("profession", "a\u0000b"), specialist.token()), "profession");
        refused(api.patch(path, body("description", "bell\u0007", "city", "Cali"), specialist.token()), "description");
        assertThat(api.get(path, specialist.token()).json().path("city").asText()).as("nothing of a refused body is written")
                .isNotEqualTo("Cali");

        Response fine = api.patch(path, body("profession", "Plomero", "description", "Tuberías\ny desagües"), specialist.token());
        assertThat(fine.status()).as(fine.toString()).isEqualTo(200);
        assertThat(fine.text("description")).isEqualTo("Tuberías\ny desagües");
    }

    @Test
    void anonymousEntriesRefuseItBeforeAnyLookup() {
        String name = unique("nulreg");
        refused(api.post("/api/auth/register/", body("username", name, "email", name + "@example.com",
                "password", PASSWORD, "phone_number", phone(), "role", "consumer", "first_name", "Ana\u0000"), null),
                "first_name");
        refused(api.post("/api/auth/login/", body("username", "ana\u0000", "password", PASSWORD), null), "username");
        refused(api.get("/api/adds/?search=bici%00cleta", null), "search");
        refused(api.get("/api/profiles/specialists/?search=plo%01mero", null), "search");

        // the users read model still takes registrations
        JsonNode later = register(unique("after"), "consumer");
        String token = login(later.path("username").asText(), PASSWORD);
        assertThat(api.get("/api/auth/users/" + later.path("id").asText() + "/", token).status()).isEqualTo(200);
    }
}
