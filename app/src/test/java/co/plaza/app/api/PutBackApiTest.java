package co.plaza.app.api;

import co.plaza.platform.test.HttpApi.Part;
import co.plaza.platform.test.HttpApi.Response;
import co.plaza.platform.test.TestFiles;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static co.plaza.platform.test.HttpApi.body;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * API.md, Conventions: read-only fields in a PUT are ignored, so a client may PUT back what it got from a GET; only
 * an attempt to change what the caller may not change is refused.
 */
class PutBackApiTest extends ApiTest {

    /** GETs the object and PUTs its body back unchanged, as its owner; answers the PUT. */
    private Response putBack(String path, String token) {
        Response got = api.get(path, token);
        assertThat(got.status()).as(got.toString()).isEqualTo(200);
        Response put = api.put(path, got.json(), token);
        assertThat(put.status()).as("PUT of its own GET body " + path + ": " + put).isEqualTo(200);
        return put;
    }

    @Test
    void aUserPutsBackTheirOwnBodyWithRoleAndIsActiveUnchanged() {
        Account user = account("putback", "specialist");
        String path = "/api/auth/users/" + user.id() + "/";
        JsonNode before = api.get(path, user.token()).json();
        assertThat(before.has("role")).isTrue();
        assertThat(before.has("is_active")).isTrue();
        JsonNode after = putBack(path, user.token()).json();
        assertThat(after.path("role").asText()).isEqualTo("specialist");
        assertThat(after.path("username").asText()).isEqualTo(user.username());

        // what a non-admin may not do is still refused, and nothing of that request is applied
        Response promote = api.put(path, body("username", user.username(), "email", user.username() + "@example.com",
                "first_name", "Otro", "role", "consumer"), user.token());
        assertThat(promote.status()).isEqualTo(403);
        Response deactivate = api.patch(path, body("is_active", false), user.token());
        assertThat(deactivate.status()).isEqualTo(403);
        JsonNode now = api.get(path, user.token()).json();
        assertThat(now.path("first_name").asText()).isEqualTo("Nombre");
        assertThat(now.path("role").asText()).isEqualTo("specialist");
        assertThat(now.path("is_active").asBoolean()).isTrue();
        // read-only fields that a non-admin sent changed are ignored, as DRF does
        Response staff = api.patch(path, body("is_staff", true, "date_joined", "2001-01-01T00:00:00Z"), user.token());
        assertThat(staff.status()).isEqualTo(200);
        assertThat(staff.json().path("is_staff").asBoolean()).isFalse();
    }

    @Test
    void aProfilePutBackByItsOwnerIs200() {
        Account owner = account("putprof", "specialist");
        await(() -> api.get("/api/profiles/specialists/by-user/" + owner.id() + "/", owner.token()).status() == 200,
                "the profile was provisioned");
        String id = api.get("/api/profiles/specialists/by-user/" + owner.id() + "/", owner.token()).text("id");
        String path = "/api/profiles/specialists/" + id + "/";
        assertThat(api.patch(path, body("profession", "Plomera", "hourly_rate", "45000", "city", "Cali",
                "latitude", 3.45, "longitude", -76.53), owner.token()).status()).isEqualTo(200);
        assertThat(putBack(path, owner.token()).json().path("profession").asText()).isEqualTo("Plomera");
    }

    @Test
    void anAdPutBackByItsOwnerIs200EvenWhenSold() {
        String admin = adminToken();
        String slug = unique("putcat");
        Response category = api.post("/api/categories/", body("name", "Cat " + slug, "slug", slug), admin);
        assertThat(category.status()).as(category.toString()).isEqualTo(201);
        Account owner = account("putad", "consumer");
        Response ad = api.post("/api/adds/", body("title", "Bicicleta", "description", "Rodada 29", "price", "850000",
                "condition", "used", "category", category.text("id"), "latitude", 6.25, "longitude", -75.56,
                "city", "Medellín"), owner.token());
        assertThat(ad.status()).as(ad.toString()).isEqualTo(201);
        String path = "/api/adds/" + ad.text("id") + "/";
        assertThat(putBack(path, owner.token()).json().path("title").asText()).isEqualTo("Bicicleta");
        assertThat(api.post(path + "mark_sold/", null, owner.token()).status()).isEqualTo(200);
        assertThat(putBack(path, owner.token()).json().path("status").asText()).isEqualTo("sold");
    }

    @Test
    void aCategoryPutBackByAnAdminIs200() {
        String admin = adminToken();
        String slug = unique("putcat");
        Response parent = api.post("/api/categories/", body("name", "Padre " + slug, "slug", slug), admin);
        Response child = api.post("/api/categories/", body("name", "Hija " + slug, "slug", slug + "-h",
                "parent", parent.text("id"), "description", "Una subcategoría"), admin);
        assertThat(child.status()).as(child.toString()).isEqualTo(201);
        putBack("/api/categories/" + child.text("id") + "/", admin);
        putBack("/api/categories/" + parent.text("id") + "/", admin);
    }

    @Test
    void aMediaPutBackByItsUploaderIs200() {
        Account owner = account("putmedia", "consumer");
        Response uploaded = api.multipart("/api/media/", List.of(Part.file("file", "p.png", "image/png",
                TestFiles.png(3, 3))), owner.token());
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        String path = "/api/media/" + uploaded.text("id") + "/";
        putBack(path, owner.token());
        Response attached = api.patch(path, body("related_type", "user", "related_id", owner.id().toString()),
                owner.token());
        assertThat(attached.status()).as(attached.toString()).isEqualTo(200);
        putBack(path, owner.token());
    }
}
