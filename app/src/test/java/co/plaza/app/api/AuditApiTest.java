package co.plaza.app.api;

import co.plaza.audit.command.AuditedAggregates;
import co.plaza.common.api.LegacyIds;
import co.plaza.marketplace.api.CategoryEvents.CategoryCreatedEvent;
import co.plaza.marketplace.api.MarketplaceIds;
import co.plaza.platform.axon.AggregateHistories;
import co.plaza.profile.api.ProfileDetails;
import co.plaza.profile.api.ProfileEvents.ProfileCreatedEvent;
import co.plaza.profile.api.ProfileKind;
import co.plaza.platform.test.HttpApi.Response;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static co.plaza.platform.test.HttpApi.body;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code /api/audit/}: an aggregate's events and its state at an instant, for admins (API.md, Audit and operations). */
class AuditApiTest extends ApiTest {

    @Autowired
    AggregateHistories histories;

    private JsonNode createAd(Account seller, String title, String correlation) {
        Response r = api.post("/api/adds/", body("title", title, "description", "Poco uso", "condition", "used",
                "price", 150000), seller.token(), "X-Correlation-Id", correlation);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json();
    }

    private static Instant between(JsonNode events, int earlier, int later) {
        Instant a = Instant.parse(events.path("results").path(earlier).path("timestamp").asText());
        Instant b = Instant.parse(events.path("results").path(later).path("timestamp").asText());
        assertThat(b).isAfter(a);
        return a.plus(Duration.between(a, b).dividedBy(2));
    }

    @Test
    void anAdsEventsInOrderWithTheirStoredNamesActorAndCorrelation() {
        Account seller = account("auditado", "consumer");
        String correlation = "audit-" + UUID.randomUUID();
        String id = createAd(seller, "Bicicleta de ruta", correlation).path("id").asText();
        assertThat(api.patch("/api/adds/" + id + "/", body("title", "Bicicleta de montaña"), seller.token()).status())
                .isEqualTo(200);
        assertThat(api.post("/api/adds/" + id + "/mark_sold/", null, seller.token()).status()).isEqualTo(200);
        String admin = adminToken();

        Response page = api.get("/api/audit/ad/" + id + "/events/", admin);
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        JsonNode json = page.json();
        assertThat(json.path("count").asLong()).isEqualTo(3);
        assertThat(json.path("next").isNull()).isTrue();
        JsonNode results = json.path("results");
        assertThat(results).extracting(e -> e.path("sequence").asLong()).containsExactly(0L, 1L, 2L);
        assertThat(results).extracting(e -> e.path("type").asText())
                .containsExactly("marketplace.AdCreated", "marketplace.AdUpdated", "marketplace.AdStatusChanged");
        JsonNode created = results.path(0);
        assertThat(created.path("payload").path("add_id").asText()).isEqualTo(id);
        assertThat(created.path("payload").path("details").path("title").asText()).isEqualTo("Bicicleta de ruta");
        assertThat(created.path("metadata").path("actor_id").asText()).isEqualTo(seller.id().toString());
        assertThat(created.path("metadata").path("correlation_id").asText()).isEqualTo(correlation);
        assertThat(results.path(1).path("payload").path("details").path("title").asText()).isEqualTo("Bicicleta de montaña");
        assertThat(results.path(1).path("metadata").path("correlation_id").asText()).isNotEqualTo(correlation);
        Instant first = Instant.parse(created.path("timestamp").asText());
        assertThat(Instant.parse(results.path(2).path("timestamp").asText())).isAfterOrEqualTo(first);

        // the contract's legacy noun, and pages like every list
        assertThat(api.get("/api/audit/add/" + id + "/events/", admin).json().path("count").asLong()).isEqualTo(3);
        JsonNode second = api.get("/api/audit/ad/" + id + "/events/?page_size=2&page=2", admin).json();
        assertThat(second.path("count").asLong()).isEqualTo(3);
        assertThat(second.path("results")).extracting(e -> e.path("sequence").asLong()).containsExactly(2L);
        assertThat(second.path("previous").asText()).contains("page_size=2");
        assertThat(api.get("/api/audit/ad/" + id + "/events/?page_size=2&page=3", admin).status()).isEqualTo(404);
    }

    @Test
    void theStateAtAnInstantBetweenTwoChangesShowsTheOlderValues() {
        Account seller = account("auditado", "consumer");
        String id = createAd(seller, "Guitarra acústica", "audit-" + UUID.randomUUID()).path("id").asText();
        assertThat(api.patch("/api/adds/" + id + "/", body("title", "Guitarra eléctrica"), seller.token()).status())
                .isEqualTo(200);
        String admin = adminToken();
        JsonNode events = api.get("/api/audit/ad/" + id + "/events/", admin).json();

        Instant before = between(events, 0, 1);
        Response old = api.get("/api/audit/ad/" + id + "/?at=" + before, admin);
        assertThat(old.status()).as(old.toString()).isEqualTo(200);
        assertThat(old.json().path("aggregate_type").asText()).isEqualTo("ad");
        assertThat(old.json().path("id").asText()).isEqualTo(id);
        assertThat(old.json().path("version").asLong()).isZero();
        assertThat(old.json().path("at").asText()).isEqualTo(before.toString());
        JsonNode state = old.json().path("state");
        assertThat(state.path("details").path("title").asText()).isEqualTo("Guitarra acústica");
        assertThat(state.path("user_id").asText()).isEqualTo(seller.id().toString());
        assertThat(state.path("status").asText()).isEqualTo("ACTIVE");

        // an event's own instant includes it; no instant is now
        String atSecond = events.path("results").path(1).path("timestamp").asText();
        assertThat(api.get("/api/audit/ad/" + id + "/?at=" + atSecond, admin).json().path("state").path("details")
                .path("title").asText()).isEqualTo("Guitarra eléctrica");
        JsonNode now = api.get("/api/audit/add/" + id + "/", admin).json();
        assertThat(now.path("version").asLong()).isEqualTo(1);
        assertThat(now.path("state").path("details").path("title").asText()).isEqualTo("Guitarra eléctrica");

        // with an offset, sent unencoded: its '+' arrives as a space
        String withOffset = before.atOffset(ZoneOffset.ofHours(5)).toString();
        assertThat(withOffset).contains("+05:00");
        Response offset = api.get("/api/audit/ad/" + id + "/?at=" + withOffset, admin);
        assertThat(offset.status()).as(offset.toString()).isEqualTo(200);
        assertThat(offset.json().path("version").asLong()).isZero();

        Instant beforeFirst = Instant.parse(events.path("results").path(0).path("timestamp").asText()).minusMillis(1);
        Response tooEarly = api.get("/api/audit/ad/" + id + "/?at=" + beforeFirst, admin);
        assertThat(tooEarly.status()).isEqualTo(404);
        assertThat(tooEarly.json().has("detail")).isTrue();
    }

    @Test
    void aProfilesStateBetweenTwoUpdates() {
        Account specialist = account("auditesp", "specialist");
        String admin = adminToken();
        String byUser = "/api/profiles/specialists/by-user/" + specialist.id() + "/";
        await(() -> api.get(byUser, admin).status() == 200, "the sign-up saga created the profile");
        String profileId = api.get(byUser, admin).json().path("id").asText();
        String path = "/api/profiles/specialists/" + profileId + "/";
        assertThat(api.patch(path, body("city", "Bogotá", "profession", "Plomero"), specialist.token()).status()).isEqualTo(200);
        assertThat(api.patch(path, body("city", "Cali"), specialist.token()).status()).isEqualTo(200);

        JsonNode events = api.get("/api/audit/profile/" + profileId + "/events/", admin).json();
        assertThat(events.path("results")).extracting(e -> e.path("type").asText())
                .containsExactly("profile.ProfileCreated", "profile.ProfileUpdated", "profile.ProfileUpdated");
        assertThat(events.path("results").path(0).path("metadata").path("actor_id").asText())
                .as("the saga acts for the user who signed up").isEqualTo(specialist.id().toString());
        JsonNode state = api.get("/api/audit/profile/" + profileId + "/?at=" + between(events, 1, 2), admin).json();
        assertThat(state.path("version").asLong()).isEqualTo(1);
        assertThat(state.path("state").path("details").path("city").asText()).isEqualTo("Bogotá");
        assertThat(api.get("/api/audit/profile/" + profileId + "/", admin).json().path("state").path("details")
                .path("city").asText()).isEqualTo("Cali");
    }

    @Test
    void aUsersPasswordHashIsNeverShown() {
        Account user = account("auditusr", "consumer");
        assertThat(api.post("/api/auth/change-password/", body("old_password", PASSWORD,
                "new_password", "Otra-Clave-Segura-7"), user.token()).status()).isEqualTo(200);
        String admin = adminToken();

        Response events = api.get("/api/audit/user/" + user.id() + "/events/", admin);
        assertThat(events.status()).isEqualTo(200);
        assertThat(events.json().path("results")).extracting(e -> e.path("type").asText())
                .contains("identity.UserRegistered", "identity.UserPasswordChanged");
        JsonNode registered = events.json().path("results").path(0).path("payload");
        assertThat(registered.path("username").asText()).isEqualTo(user.username());
        assertThat(registered.has("password_hash")).isFalse();
        Response state = api.get("/api/audit/user/" + user.id() + "/", admin);
        assertThat(state.status()).isEqualTo(200);
        assertThat(state.json().path("state").path("username").asText()).isEqualTo(user.username());
        assertThat(state.json().path("state").has("password_hash")).isFalse();
        for (Response r : List.of(events, state)) {
            assertThat(r.raw()).doesNotContainIgnoringCase("argon2").doesNotContainIgnoringCase("password_hash")
                    .doesNotContain("$pbkdf2");
        }
    }

    @Test
    void aLegacyIdNamesTheMigratedObject() {
        long legacy = ThreadLocalRandom.current().nextLong(1_000_000, 1_000_000_000L);
        UUID id = LegacyIds.of(MarketplaceIds.CATEGORY_TABLE, legacy);
        eventStore.publish(new GenericDomainEventMessage<>("Category", id.toString(), 0,
                new CategoryCreatedEvent(id, legacy, "Herramientas", "herramientas-" + legacy, "", null)));
        String admin = adminToken();

        Response byLegacy = api.get("/api/audit/category/" + legacy + "/", admin);
        assertThat(byLegacy.status()).as(byLegacy.toString()).isEqualTo(200);
        assertThat(byLegacy.json().path("id").asText()).isEqualTo(id.toString());
        assertThat(byLegacy.json().path("state").path("name").asText()).isEqualTo("Herramientas");
        assertThat(api.get("/api/audit/category/" + legacy + "/events/", admin).json().path("results").path(0)
                .path("payload").path("legacy_id").asLong()).isEqualTo(legacy);
        assertThat(api.get("/api/audit/category/" + id + "/", admin).json().path("state").path("slug").asText())
                .isEqualTo("herramientas-" + legacy);
        assertThat(api.get("/api/audit/category/" + (legacy + 1) + "/", admin).status()).isEqualTo(404);
    }

    @Test
    void aProfilesLegacyIdIsLookedUpInEachKindsTable() {
        long shared = ThreadLocalRandom.current().nextLong(1_000_000, 1_000_000_000L);
        long alone = shared + 1;
        UUID consumer = LegacyIds.of(ProfileKind.CONSUMER.legacyTable(), shared);
        UUID specialist = LegacyIds.of(ProfileKind.SPECIALIST.legacyTable(), shared);
        UUID businessman = LegacyIds.of(ProfileKind.BUSINESSMAN.legacyTable(), alone);
        for (var p : List.of(Map.entry(consumer, ProfileKind.CONSUMER), Map.entry(specialist, ProfileKind.SPECIALIST),
                Map.entry(businessman, ProfileKind.BUSINESSMAN))) {
            long legacy = p.getKey().equals(businessman) ? alone : shared;
            eventStore.publish(new GenericDomainEventMessage<>("Profile", p.getKey().toString(), 0,
                    new ProfileCreatedEvent(p.getKey(), UUID.randomUUID(), p.getValue(), legacy,
                            ProfileDetails.empty(p.getValue()), Instant.now())));
        }
        String admin = adminToken();
        Response one = api.get("/api/audit/profile/" + alone + "/", admin);
        assertThat(one.status()).as(one.toString()).isEqualTo(200);
        assertThat(one.json().path("id").asText()).isEqualTo(businessman.toString());
        assertThat(one.json().path("state").path("kind").asText()).isEqualTo("BUSINESSMAN");
        Response two = api.get("/api/audit/profile/" + shared + "/events/", admin);
        assertThat(two.status()).as("two kinds have that legacy id: the UUID says which").isEqualTo(409);
        assertThat(two.json().has("detail")).isTrue();
        assertThat(api.get("/api/audit/profile/" + consumer + "/events/", admin).json().path("count").asLong()).isEqualTo(1);
        assertThat(api.get("/api/audit/profile/" + (alone + 1) + "/", admin).status()).isEqualTo(404);
    }

    @Test
    void onlyAdminsAndHostileInputIsAClear4xx() {
        Account seller = account("auditado", "consumer");
        String id = createAd(seller, "Mesa de comedor", "audit-" + UUID.randomUUID()).path("id").asText();
        String admin = adminToken();
        for (String path : List.of("/api/audit/ad/" + id + "/", "/api/audit/ad/" + id + "/events/",
                "/api/audit/widget/" + id + "/")) {
            assertThat(api.get(path, null).status()).as("anonymous " + path).isEqualTo(401);
            assertThat(api.get(path, seller.token()).status()).as("the ad's owner " + path).isEqualTo(403);
        }

        for (String at : List.of("ayer", "2026-13-45T00:00:00Z", "12345", "2026-12-01T10:00:00+99:00", "x".repeat(500))) {
            Response bad = api.get("/api/audit/ad/" + id + "/?at=" + at, admin);
            assertThat(bad.status()).as(at).isEqualTo(400);
            assertThat(bad.json().has("at")).as(bad.toString()).isTrue();
        }
        String otherUser = seller().id().toString();
        for (String path : List.of(
                "/api/audit/widget/" + id + "/", "/api/audit/widget/" + id + "/events/",
                "/api/audit/reservation/" + id + "/",
                "/api/audit/user/" + id + "/", "/api/audit/user/" + id + "/events/", // an ad is not a user
                "/api/audit/ad/" + otherUser + "/",
                "/api/audit/ad/" + UUID.randomUUID() + "/", "/api/audit/ad/" + UUID.randomUUID() + "/events/",
                "/api/audit/ad/99999999999999999999999999/", "/api/audit/ad/-1/events/", "/api/audit/ad/12ab/",
                "/api/audit/ad/" + "9".repeat(2000) + "/", "/api/audit/" + "a".repeat(300) + "/" + id + "/")) {
            Response r = api.get(path, admin);
            assertThat(r.status()).as(path).isEqualTo(404);
            assertThat(r.json().has("detail")).as(path).isTrue();
        }
        assertThat(api.get("/api/audit/ad/" + id + "/events/?page=0", admin).status()).isEqualTo(404);
        assertThat(api.get("/api/audit/ad/" + id + "/events/?page_size=100000", admin).status()).isEqualTo(200);
    }

    private Account seller() {
        return account("auditado", "consumer");
    }

    /** A new aggregate must be audited or deliberately left out: the build says when it is neither. */
    @Test
    void everyAggregateIsAuditedOrLeftOutOnPurpose() {
        Set<Class<?>> declared = new HashSet<>(AuditedAggregates.NOT_AUDITED);
        List<Class<?>> audited = new ArrayList<>();
        for (AuditedAggregates a : AuditedAggregates.values()) {
            audited.add(a.type());
        }
        declared.addAll(audited);
        assertThat(histories.aggregateTypes()).isNotEmpty();
        assertThat(declared).containsExactlyInAnyOrderElementsOf(histories.aggregateTypes());
        assertThat(AuditedAggregates.named("add")).contains(AuditedAggregates.AD);
        assertThat(AuditedAggregates.named("reservation")).isEmpty();
    }
}
