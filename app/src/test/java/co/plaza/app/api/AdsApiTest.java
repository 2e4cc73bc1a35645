package co.plaza.app.api;

import co.plaza.platform.context.Caller;
import co.plaza.platform.test.HttpApi.Response;
import com.fasterxml.jackson.databind.JsonNode;
import co.plaza.marketplace.api.AdCommands.CreateAdCommand;
import co.plaza.marketplace.api.AdCondition;
import co.plaza.marketplace.api.AdDetails;
import co.plaza.marketplace.api.AdEvents.AdDeletedEvent;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static co.plaza.platform.test.HttpApi.body;
import static org.assertj.core.api.Assertions.assertThat;

class AdsApiTest extends ApiTest {

    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate jdbc;

    private Account seller() {
        return account("vende", "consumer");
    }

    private JsonNode create(Account s, Object... fields) {
        Response r = api.post("/api/adds/", body(fields), s.token());
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json();
    }

    private static List<String> ids(Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        r.json().path("results").forEach(a -> ids.add(a.path("id").asText()));
        return ids;
    }

    @Test
    void createShowsTheAdAsTheReadSideDoes() {
        Account s = seller();
        Response r = api.post("/api/adds/", body("title", "Teléfono Samsung", "description", "Como nuevo",
                "price", "150000", "condition", "used", "latitude", 4.711, "longitude", -74.0721, "city", "Bogotá",
                "address", "Calle 1"), s.token());
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        JsonNode ad = r.json();
        assertThat(ad.path("price").asText()).isEqualTo("150000.00");
        assertThat(ad.path("currency").asText()).isEqualTo("COP");
        assertThat(ad.path("status").asText()).isEqualTo("active");
        assertThat(ad.path("user_id").asText()).isEqualTo(s.id().toString());
        assertThat(ad.path("images").isArray()).isTrue();
        assertThat(ad.path("legacy_id").isNull()).isTrue();
        assertThat(ad.path("category").isNull()).isTrue();
        assertThat(r.header("ETag")).contains("\"0\"");

        JsonNode free = create(s, "title", "Sin precio", "condition", "new");
        assertThat(free.path("price").isNull()).as("price on request is null, never 0").isTrue();
        assertThat(free.path("description").asText()).isEmpty();
    }

    @Test
    void invalidInputIsA400NamingEachFieldAndCreatesNothing() {
        Account s = seller();
        Response r = api.post("/api/adds/", body("title", "ab", "price", -1, "currency", "XXY", "condition", "broken",
                "latitude", 91, "longitude", 10), s.token());
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.json().fieldNames()).toIterable().contains("title", "price", "currency", "condition", "latitude");

        Response pair = api.post("/api/adds/", body("title", "Bicicleta", "condition", "new", "latitude", 4.6), s.token());
        assertThat(pair.status()).isEqualTo(400);
        assertThat(pair.json().has("longitude")).isTrue();

        Response category = api.post("/api/adds/", body("title", "Bicicleta", "condition", "new",
                "category", "7b0e58a1-5c0b-4a44-9a5e-2cf0a3b7d9e4"), s.token());
        assertThat(category.status()).isEqualTo(400);
        assertThat(category.json().has("category")).isTrue();

        assertThat(api.post("/api/adds/", body("title", "Bicicleta", "condition", "new"), null).status()).isEqualTo(401);
        assertThat(ids(api.get("/api/adds/my_adds/", s.token()))).isEmpty();
    }

    @Test
    void ownerChangesWithVersionsOthersAreRefused() {
        Account s = seller();
        JsonNode ad = create(s, "title", "Nevera Haceb", "condition", "used", "price", 900000);
        String path = "/api/adds/" + ad.path("id").asText() + "/";

        Response patched = api.patch(path, body("price", "850000.50"), s.token(), "If-Match", "\"0\"");
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(patched.json().path("price").asText()).isEqualTo("850000.50");
        assertThat(patched.header("ETag")).contains("\"1\"");

        Response stale = api.patch(path, body("title", "Otra cosa"), s.token(), "If-Match", "\"0\"");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(api.get(path, null).json().path("title").asText()).isEqualTo("Nevera Haceb");

        Account other = seller();
        assertThat(api.patch(path, body("title", "Robada"), other.token()).status()).isEqualTo(403);
        assertThat(api.post(path + "mark_sold/", null, other.token()).status()).isEqualTo(403);
        assertThat(api.delete(path, other.token()).status()).isEqualTo(403);

        Response put = api.put(path, body("title", "Nevera grande", "condition", "new"), s.token());
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        assertThat(put.json().path("title").asText()).isEqualTo("Nevera grande");
        assertThat(put.json().path("price").asText()).as("fields a PUT leaves out keep their value, as DRF does")
                .isEqualTo("850000.50");
        Response putMissing = api.put(path, body("title", "Nevera"), s.token());
        assertThat(putMissing.status()).isEqualTo(400);
        assertThat(putMissing.json().has("condition")).isTrue();
    }

    @Test
    void pauseResumeSoldAndDeleteDriveVisibility() {
        Account s = seller();
        String word = unique("zq");
        JsonNode ad = create(s, "title", "Guitarra " + word, "condition", "used");
        String id = ad.path("id").asText();
        String path = "/api/adds/" + id + "/";

        Response paused = api.patch(path, body("status", "paused"), s.token());
        assertThat(paused.json().path("status").asText()).isEqualTo("paused");
        assertThat(api.get(path, null).status()).as("paused: owner and admins only").isEqualTo(404);
        assertThat(api.get(path, s.token()).status()).isEqualTo(200);
        assertThat(ids(api.get("/api/adds/?search=" + word, null))).isEmpty();
        assertThat(ids(api.get("/api/adds/?status=paused&search=" + word, null))).isEmpty();
        assertThat(ids(api.get("/api/adds/?status=paused&search=" + word, s.token()))).containsExactly(id);
        assertThat(ids(api.get("/api/adds/?status=paused&search=" + word, seller().token()))).as("a stranger").isEmpty();
        assertThat(ids(api.get("/api/adds/?status=paused&search=" + word, adminToken()))).as("an admin").containsExactly(id);
        assertThat(api.patch(path, body("status", "sold"), s.token()).status()).isEqualTo(400);

        api.patch(path, body("status", "active"), s.token());
        assertThat(ids(api.get("/api/adds/?search=" + word, null))).containsExactly(id);

        Response sold = api.post(path + "mark_sold/", null, s.token());
        assertThat(sold.status()).as(sold.toString()).isEqualTo(200);
        assertThat(sold.json().path("status").asText()).isEqualTo("sold");
        assertThat(ids(api.get("/api/adds/?search=" + word, null))).isEmpty();
        assertThat(ids(api.get("/api/adds/?status=sold&search=" + word, null))).containsExactly(id);
        assertThat(ids(api.get("/api/adds/my_adds/", s.token()))).containsExactly(id);

        assertThat(api.delete(path, s.token()).status()).isEqualTo(204);
        // the owner's read waits for their own delete (read-your-writes); then anonymous readers see it too
        assertThat(api.get(path, s.token()).status()).isEqualTo(404);
        assertThat(api.get(path, null).status()).isEqualTo(404);
        assertThat(ids(api.get("/api/adds/my_adds/", s.token()))).isEmpty();
        assertThat(ids(api.get("/api/adds/?status=sold&search=" + word, s.token()))).isEmpty();
        assertThat(api.patch(path, body("title", "Volvió"), s.token()).status()).isEqualTo(404);
    }

    /**
     * API.md, Conventions, Visibility: a change to an ad the caller may not see (another's paused ad, a deleted one)
     * is a 404 like the read, never a 403 that tells it exists; an active ad of someone else stays a 403.
     */
    @Test
    void changesToAnAdTheCallerMayNotSeeAre404s() {
        Account s = seller();
        Account stranger = seller();
        JsonNode ad = create(s, "title", "Mesa de noche", "condition", "used");
        String path = "/api/adds/" + ad.path("id").asText() + "/";
        assertThat(api.patch(path, body("status", "paused"), s.token()).status()).isEqualTo(200);

        assertThat(api.get(path, stranger.token()).status()).isEqualTo(404);
        assertThat(api.patch(path, body("title", "Mía"), stranger.token()).status()).as("PATCH").isEqualTo(404);
        assertThat(api.put(path, body("title", "Mía", "condition", "new"), stranger.token()).status()).as("PUT")
                .isEqualTo(404);
        assertThat(api.post(path + "mark_sold/", null, stranger.token()).status()).as("mark_sold").isEqualTo(404);
        assertThat(api.delete(path, stranger.token()).status()).as("DELETE").isEqualTo(404);
        assertThat(api.get(path, s.token()).json().path("title").asText()).isEqualTo("Mesa de noche");
        Response byAdmin = api.patch(path, body("title", "Mesa de noche blanca"), adminToken());
        assertThat(byAdmin.status()).as("admins see paused ads: " + byAdmin).isEqualTo(200);

        assertThat(api.patch(path, body("status", "active"), s.token()).status()).isEqualTo(200);
        assertThat(api.patch(path, body("title", "Mía"), stranger.token()).status()).as("seen, not owned")
                .isEqualTo(403);

        assertThat(api.delete(path, s.token()).status()).isEqualTo(204);
        assertThat(api.get(path, s.token()).status()).isEqualTo(404);
        assertThat(api.patch(path, body("title", "Mía"), stranger.token()).status()).as("deleted").isEqualTo(404);
        assertThat(api.post(path + "mark_sold/", null, stranger.token()).status()).isEqualTo(404);
        assertThat(api.delete(path, stranger.token()).status()).isEqualTo(404);
    }

    /** API.md, Marketplace: nearby is active ads only; {@code ?status=} changes nothing there, not even for owners. */
    @Test
    void nearbyShowsActiveAdsWhateverStatusSays() {
        Account s = seller();
        String tag = unique("ns");
        JsonNode active = create(s, "title", "Activo " + tag, "condition", "used", "latitude", 4.6, "longitude", -74.1);
        JsonNode sold = create(s, "title", "Vendido " + tag, "condition", "used", "latitude", 4.6, "longitude", -74.1);
        JsonNode paused = create(s, "title", "Pausado " + tag, "condition", "used", "latitude", 4.6, "longitude", -74.1);
        String soldPath = "/api/adds/" + sold.path("id").asText() + "/";
        assertThat(api.post(soldPath + "mark_sold/", null, s.token()).status()).isEqualTo(200);
        assertThat(api.patch("/api/adds/" + paused.path("id").asText() + "/", body("status", "paused"), s.token())
                .status()).isEqualTo(200);
        String nearby = "/api/adds/nearby/?lat=4.6&lon=-74.1&search=" + tag;

        for (String status : List.of("", "&status=sold", "&status=paused", "&status=active")) {
            assertThat(ids(api.get(nearby + status, null))).as("anonymous" + status)
                    .containsExactly(active.path("id").asText());
            assertThat(ids(api.get(nearby + status, s.token()))).as("the owner" + status)
                    .containsExactly(active.path("id").asText());
        }
        assertThat(ids(api.get("/api/adds/?status=sold&search=" + tag, null))).as("the list still filters by status")
                .containsExactly(sold.path("id").asText());
    }

    @Test
    void searchIgnoresCaseAndAccentsAndFiltersCombine() {
        Account s = seller();
        String tag = unique("tg");
        JsonNode phone = create(s, "title", "Teléfono " + tag, "condition", "used", "price", 300000, "city", "Bogotá");
        JsonNode tv = create(s, "title", "Televisor " + tag, "description", "Pantalla grande", "condition", "new",
                "price", 1200000, "city", "Medellín");
        JsonNode free = create(s, "title", "Regalo " + tag, "condition", "used", "city", "bogota");

        assertThat(ids(api.get("/api/adds/?search=telefono+" + tag, null))).containsExactly(phone.path("id").asText());
        assertThat(ids(api.get("/api/adds/?search=" + tag + "+BOGOTA", null)))
                .containsExactlyInAnyOrder(phone.path("id").asText(), free.path("id").asText());
        assertThat(ids(api.get("/api/adds/?search=" + tag + "&city=BOGOT%C3%81", null)))
                .containsExactlyInAnyOrder(phone.path("id").asText(), free.path("id").asText());
        assertThat(ids(api.get("/api/adds/?search=" + tag + "&condition=new", null))).containsExactly(tv.path("id").asText());
        assertThat(ids(api.get("/api/adds/?search=" + tag + "&min_price=200000&max_price=500000", null)))
                .containsExactly(phone.path("id").asText());
        assertThat(ids(api.get("/api/adds/?search=" + tag + "&user=" + s.id() + "&ordering=price", null)))
                .containsExactly(phone.path("id").asText(), tv.path("id").asText(), free.path("id").asText());
        assertThat(ids(api.get("/api/adds/?search=" + tag + "&ordering=-price", null)))
                .containsExactly(tv.path("id").asText(), phone.path("id").asText(), free.path("id").asText());
        assertThat(ids(api.get("/api/adds/?search=" + tag + "&ordering=created_at", null)))
                .containsExactly(phone.path("id").asText(), tv.path("id").asText(), free.path("id").asText());
        assertThat(ids(api.get("/api/adds/?search=" + tag + "&ordering=bogus", null)))
                .as("unknown ordering ignored: newest first")
                .containsExactly(free.path("id").asText(), tv.path("id").asText(), phone.path("id").asText());

        Response page = api.get("/api/adds/?search=" + tag + "&page_size=2&page=2", null);
        assertThat(page.json().path("count").asLong()).isEqualTo(3);
        assertThat(page.json().path("next").isNull()).isTrue();
        assertThat(page.json().path("previous").asText()).startsWith("http");
        assertThat(api.get("/api/adds/?search=" + tag + "&page=9", null).status()).isEqualTo(404);
        Response deep = api.get("/api/adds/?page=1000&page_size=100", null);
        assertThat(deep.status()).as("past the end, even past the result window: DRF's 404, never a 500")
                .isEqualTo(404);

        Response bad = api.get("/api/adds/?condition=broken&min_price=abc&status=gone&category=x&user=y", null);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().fieldNames()).toIterable()
                .contains("condition", "min_price", "status", "category", "user");
    }

    @Test
    void nearbyIsNearestFirstWithDistances() {
        Account s = seller();
        String tag = unique("nb");
        // Bogotá's Plaza de Bolívar and points about 1 km and 5 km north of it
        JsonNode center = create(s, "title", "Centro " + tag, "condition", "used", "latitude", 4.5981, "longitude", -74.0760);
        JsonNode fiveKm = create(s, "title", "Norte " + tag, "condition", "used", "latitude", 4.6431, "longitude", -74.0760);
        JsonNode oneKm = create(s, "title", "Cerca " + tag, "condition", "new", "latitude", 4.6071, "longitude", -74.0760);
        create(s, "title", "Sin lugar " + tag, "condition", "used");
        create(s, "title", "Cali " + tag, "condition", "used", "latitude", 3.4516, "longitude", -76.5320);

        Response r = api.get("/api/adds/nearby/?lat=4.5981&lon=-74.0760&search=" + tag + "&ordering=-price", null);
        assertThat(ids(r)).containsExactly(center.path("id").asText(), oneKm.path("id").asText(), fiveKm.path("id").asText());
        JsonNode results = r.json().path("results");
        assertThat(results.get(0).path("distance_km").isNumber()).isTrue();
        assertThat(results.get(0).path("distance_km").asDouble()).isLessThan(0.01);
        assertThat(results.get(1).path("distance_km").asDouble()).isBetween(0.99, 1.012);
        assertThat(results.get(2).path("distance_km").asDouble()).isBetween(4.99, 5.01);

        assertThat(ids(api.get("/api/adds/nearby/?lat=4.5981&lon=-74.0760&radius_km=2&search=" + tag, null)))
                .containsExactly(center.path("id").asText(), oneKm.path("id").asText());
        assertThat(ids(api.get("/api/adds/nearby/?lat=4.5981&lon=-74.0760&condition=new&search=" + tag, null)))
                .containsExactly(oneKm.path("id").asText());

        Response missing = api.get("/api/adds/nearby/?lon=-74", null);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().has("lat")).isTrue();
        for (String q : List.of("lat=91&lon=0", "lat=0&lon=181", "lat=0&lon=0&radius_km=0", "lat=0&lon=0&radius_km=101",
                "lat=x&lon=0")) {
            assertThat(api.get("/api/adds/nearby/?" + q, null).status()).as(q).isEqualTo(400);
        }
    }

    @Test
    void categoriesIncludeSubcategoriesAndInUseCannotBeDeleted() {
        String admin = adminToken();
        String slug = unique("cat");
        Response parent = api.post("/api/categories/", body("name", "Hogar " + slug, "slug", slug,
                "description", "Cosas de casa"), admin);
        assertThat(parent.status()).as(parent.toString()).isEqualTo(201);
        String parentId = parent.json().path("id").asText();
        Response child = api.post("/api/categories/", body("name", "Cocina " + slug, "slug", slug + "-cocina",
                "parent", parentId), admin);
        assertThat(child.status()).as(child.toString()).isEqualTo(201);
        String childId = child.json().path("id").asText();
        Response grandchild = api.post("/api/categories/", body("name", "Ollas " + slug, "slug", slug + "-ollas",
                "parent", childId), admin);
        String grandchildId = grandchild.json().path("id").asText();

        assertThat(api.post("/api/categories/", body("name", "HOGAR " + slug, "slug", slug + "-x"), admin).status())
                .as("names are unique ignoring case").isEqualTo(400);
        assertThat(api.post("/api/categories/", body("name", "Otra " + slug, "slug", slug), admin).status()).isEqualTo(400);
        Account s = seller();
        assertThat(api.post("/api/categories/", body("name", "Mía", "slug", unique("mia")), s.token()).status()).isEqualTo(403);
        assertThat(api.patch("/api/categories/" + parentId + "/", body("parent", grandchildId), admin).status())
                .as("no cycles").isEqualTo(400);

        JsonNode ad = create(s, "title", "Olla pitadora", "condition", "used", "category", grandchildId);
        JsonNode other = create(s, "title", "Sofá", "condition", "used");
        assertThat(ids(api.get("/api/adds/?category=" + parentId, null))).containsExactly(ad.path("id").asText());
        assertThat(ids(api.get("/api/adds/?category=" + childId, null))).containsExactly(ad.path("id").asText());
        assertThat(other.path("category").isNull()).isTrue();

        assertThat(api.delete("/api/categories/" + grandchildId + "/", admin).status()).as("in use").isEqualTo(409);
        assertThat(api.delete("/api/categories/" + childId + "/", admin).status()).as("has children").isEqualTo(409);
        api.delete("/api/adds/" + ad.path("id").asText() + "/", s.token());
        assertThat(api.delete("/api/categories/" + grandchildId + "/", admin).status()).isEqualTo(204);
        assertThat(api.get("/api/categories/" + grandchildId + "/", admin).status()).isEqualTo(404);
        assertThat(api.get("/api/categories/" + parentId + "/", null).json().path("slug").asText()).isEqualTo(slug);
        assertThat(api.get("/api/categories/", null).json().path("count").asLong()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void followsAnswerAsTheTableSaysAndFeedFollowingAdds() {
        Account follower = seller();
        Account followed = seller();
        JsonNode ad = create(followed, "title", "Moto Yamaha", "condition", "used");

        Response first = api.post("/api/follows/", body("followed", followed.id()), follower.token());
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        Response again = api.post("/api/follows/", body("followed", followed.id()), follower.token());
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("id").asText()).isEqualTo(first.json().path("id").asText());
        assertThat(api.post("/api/follows/", body("followed", follower.id()), follower.token()).status()).isEqualTo(400);
        assertThat(api.post("/api/follows/", body("followed", "5b0e58a1-5c0b-4a44-9a5e-2cf0a3b7d9e4"), follower.token())
                .status()).isEqualTo(400);
        assertThat(api.get("/api/follows/", follower.token()).json().path("count").asLong()).isEqualTo(1);
        assertThat(api.get("/api/follows/", null).status()).isEqualTo(401);

        assertThat(ids(api.get("/api/adds/following_adds/", follower.token()))).containsExactly(ad.path("id").asText());
        assertThat(api.get("/api/adds/following_adds/", null).status()).isEqualTo(401);
        assertThat(api.get("/api/adds/my_adds/", null).status()).isEqualTo(401);

        String followPath = "/api/follows/" + first.json().path("id").asText() + "/";
        assertThat(api.delete(followPath, followed.token()).status()).as("not theirs").isEqualTo(404);
        assertThat(api.delete(followPath, follower.token()).status()).isEqualTo(204);
        assertThat(api.delete(followPath, follower.token()).status()).isEqualTo(404);
        assertThat(ids(api.get("/api/adds/following_adds/", follower.token()))).isEmpty();
    }

    @Test
    void detailCountsViewsAndDeactivatedOrDeletedUsersAdsDisappear() {
        Account s = seller();
        JsonNode ad = create(s, "title", "Bicicleta GW", "condition", "used");
        String path = "/api/adds/" + ad.path("id").asText() + "/";
        api.get(path, null);
        assertThat(api.get(path, null).json().path("views_count").asLong()).isEqualTo(2);

        String admin = adminToken();
        assertThat(api.patch("/api/auth/users/" + s.id() + "/", body("is_active", false), admin).status()).isEqualTo(200);
        await(() -> api.get(path, null).status() == 404, "the deactivated user's ad is hidden");
        // lists are the search index, its own processor: it hides the ad when it has seen the deactivation
        await(() -> ids(api.get("/api/adds/?user=" + s.id(), null)).isEmpty(), "and left out of lists");
        api.patch("/api/auth/users/" + s.id() + "/", body("is_active", true), admin);
        await(() -> api.get(path, null).status() == 200, "reactivation shows it again");
        await(() -> ids(api.get("/api/adds/?user=" + s.id(), null)).equals(List.of(ad.path("id").asText())),
                "in lists too, with its views");
        assertThat(api.get("/api/adds/?user=" + s.id(), null).json().path("results").get(0).path("views_count").asLong())
                .as("a list row shows the views counter as the details left it (two, and the one that saw it back)")
                .isEqualTo(3);

        Account fan = seller();
        api.post("/api/follows/", body("followed", s.id()), fan.token());
        assertThat(api.delete("/api/auth/users/" + s.id() + "/", admin).status()).isEqualTo(204);
        await(() -> api.get(path, admin).status() == 404, "the deleted user's ads are deleted");
        await(() -> api.get("/api/follows/", fan.token()).json().path("count").asLong() == 0,
                "follows of a deleted user are removed");
    }

    /**
     * The race of ADR 0009: an ad written a moment before its owner's deletion, which no ads read model has seen yet,
     * is deleted with the owner all the same (the ownership registry is written with the ad, ADR 0011).
     */
    @Test
    void anAdCreatedJustBeforeItsOwnersDeletionIsDeletedThoughNoReadModelSawIt() {
        Account s = seller();
        String admin = adminToken();
        UUID addId = UUID.randomUUID();
        withProcessorsStopped(() -> {
            commands.sendAndWait(new CreateAdCommand(addId, s.id(), null, new AdDetails("Nevera Haceb", "", null, "COP",
                    AdCondition.USED, null, null, null, "", "Cali"), null, null, null), Caller.system().metaData(),
                    30, TimeUnit.SECONDS);
            assertThat(api.delete("/api/auth/users/" + s.id() + "/", admin, "X-Consistency", "eventual").status())
                    .isEqualTo(204);
            await(() -> eventStore.readEvents(addId.toString()).asStream()
                    .anyMatch(e -> e.getPayload() instanceof AdDeletedEvent), "the ad is deleted with its owner");
        }, "marketplace-projection", "adds-search-projection");
        awaitProcessed("marketplace-projection", "adds-search-projection");
        assertThat(jdbc.queryForObject("SELECT deleted FROM add_view WHERE id = ?", Boolean.class, addId))
                .as("the read side saw the ad, then its deletion").isTrue();
        assertThat(api.get("/api/adds/" + addId + "/", admin).status()).isEqualTo(404);
        assertThat(ids(api.get("/api/adds/?user=" + s.id(), admin))).isEmpty();
    }
}
