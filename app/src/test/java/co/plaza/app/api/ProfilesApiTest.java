package co.plaza.app.api;

import co.plaza.platform.test.HttpApi.Response;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static co.plaza.platform.test.HttpApi.body;
import static org.assertj.core.api.Assertions.assertThat;

class ProfilesApiTest extends ApiTest {

    private JsonNode provisioned(String kinds, String userId) {
        await(() -> api.get("/api/profiles/" + kinds + "/by-user/" + userId + "/", adminToken()).status() == 200,
                "the sign-up saga created the " + kinds + " profile");
        return api.get("/api/profiles/" + kinds + "/by-user/" + userId + "/", adminToken()).json();
    }

    @Test
    void signUpProvisionsAnEmptyProfileOfTheRole() {
        JsonNode user = register(unique("spec"), "specialist");
        JsonNode profile = provisioned("specialists", user.path("id").asText());
        assertThat(profile.path("user_id").asText()).isEqualTo(user.path("id").asText());
        assertThat(profile.path("profession").asText()).isEmpty();
        assertThat(profile.path("hourly_rate").isNull()).isTrue();
        assertThat(profile.path("rating").asText()).isEqualTo("0.00");
        assertThat(profile.path("work_images").isArray()).isTrue();
        assertThat(profile.path("legacy_id").isNull()).isTrue();
    }

    @Test
    void theOwnerUpdatesTheProfileWithValidationAndVersions() {
        String name = unique("plomero");
        JsonNode user = register(name, "specialist");
        String token = login(name, PASSWORD);
        JsonNode profile = provisioned("specialists", user.path("id").asText());
        String path = "/api/profiles/specialists/" + profile.path("id").asText() + "/";

        Response updated = api.patch(path, body("profession", "Plomero", "description", "Arreglo tuberías en Bogotá",
                "hourly_rate", 45000, "years_experience", "7", "city", "Bogotá", "latitude", 4.711, "longitude", -74.0721,
                "rating", "5.00"), token, "If-Match", "\"0\"");
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().path("hourly_rate").asText()).isEqualTo("45000.00");
        assertThat(updated.json().path("years_experience").asInt()).isEqualTo(7);
        assertThat(updated.json().path("rating").asText()).as("read-only").isEqualTo("0.00");
        assertThat(updated.json().path("latitude").asDouble()).isEqualTo(4.711);
        assertThat(updated.header("ETag")).contains("\"1\"");

        assertThat(api.patch(path, body("city", "Cali"), token, "If-Match", "\"0\"").status()).isEqualTo(409);
        Response invalid = api.patch(path, body("latitude", 123, "hourly_rate", "-1", "years_experience", "many"), token);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().fieldNames()).toIterable().contains("latitude", "hourly_rate", "years_experience");
        assertThat(api.patch(path, body("latitude", 5.0), token).status()).as("longitude alone missing").isEqualTo(200);

        String other = unique("other");
        register(other, "consumer");
        assertThat(api.patch(path, body("city", "Medellín"), login(other, PASSWORD)).status()).isEqualTo(403);
        assertThat(api.get(path, null).json().path("city").asText()).isEqualTo("Bogotá");

        Response put = api.put(path, body("profession", "Plomero", "description", "Arreglo tuberías en Bogotá",
                "city", "Bogotá", "hourly_rate", "50000.50"), token);
        assertThat(put.status()).isEqualTo(200);
        assertThat(put.json().path("hourly_rate").asText()).isEqualTo("50000.50");
        assertThat(api.put(path, "{not json", token).status()).isEqualTo(400);

        Response found = api.get("/api/profiles/specialists/?search=PLOMERO%20bogota", null);
        assertThat(found.json().path("results").toString()).contains(profile.path("id").asText());
    }

    @Test
    void postCreatesOnlyAProfileTheUserDoesNotHaveYet() {
        String name = unique("multi");
        JsonNode user = register(name, "consumer");
        String token = login(name, PASSWORD);
        provisioned("consumers", user.path("id").asText());
        Response duplicate = api.post("/api/profiles/consumers/", body("city", "Cali"), token);
        assertThat(duplicate.status()).isEqualTo(400);
        Response business = api.post("/api/profiles/businessmen/", body("company_name", "Tienda Ñ", "website", "https://tienda.co"), token);
        assertThat(business.status()).as(business.toString()).isEqualTo(201);
        assertThat(business.json().path("company_name").asText()).isEqualTo("Tienda Ñ");
        assertThat(api.post("/api/profiles/businessmen/", body(), token).status()).isEqualTo(400);

        String id = business.json().path("id").asText();
        assertThat(api.delete("/api/profiles/businessmen/" + id + "/", token).status()).isEqualTo(204);
        assertThat(api.get("/api/profiles/businessmen/" + id + "/", token).status()).isEqualTo(404);
        assertThat(api.post("/api/profiles/businessmen/", body("company_name", "Otra"), token).status())
                .as("a deleted profile frees the slot").isEqualTo(201);
    }

    @Test
    void consumerProfilesArePrivateWhilePublicKindsNeedNoToken() {
        String name = unique("private");
        JsonNode user = register(name, "consumer");
        JsonNode profile = provisioned("consumers", user.path("id").asText());
        String path = "/api/profiles/consumers/" + profile.path("id").asText() + "/";
        String stranger = unique("stranger");
        register(stranger, "consumer");
        String strangerToken = login(stranger, PASSWORD);
        assertThat(api.get(path, strangerToken).status()).isEqualTo(404);
        assertThat(api.get("/api/profiles/consumers/by-user/" + user.path("id").asText() + "/", strangerToken).status())
                .isEqualTo(404);
        // a change to what the caller may not see is a 404 too, never a 403 that tells it exists
        assertThat(api.patch(path, body("city", "Cali"), strangerToken).status()).as("PATCH").isEqualTo(404);
        assertThat(api.put(path, body("city", "Cali"), strangerToken).status()).as("PUT").isEqualTo(404);
        assertThat(api.delete(path, strangerToken).status()).as("DELETE").isEqualTo(404);
        assertThat(api.get(path, adminToken()).status()).isEqualTo(200);
        assertThat(api.get(path, login(name, PASSWORD)).status()).isEqualTo(200);
        assertThat(api.get(path, login(name, PASSWORD)).json().path("city").asText()).as("nothing changed").isEmpty();
        assertThat(api.get("/api/profiles/consumers/", null).status()).isEqualTo(401);
        assertThat(api.get("/api/profiles/specialists/", null).status()).isEqualTo(200);
        assertThat(api.get("/api/profiles/businessmen", null).status()).isEqualTo(200);
        Response preferences = api.patch(path, body("preferences", java.util.Map.of("categories", java.util.List.of(3, 7))),
                login(name, PASSWORD));
        assertThat(preferences.json().path("preferences").path("categories").get(1).asInt()).isEqualTo(7);
    }
}
