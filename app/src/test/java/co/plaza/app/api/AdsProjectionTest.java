package co.plaza.app.api;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.plaza.identity.api.UserEvents.UserDeactivatedEvent;
import co.plaza.identity.api.UserEvents.UserReactivatedEvent;
import co.plaza.marketplace.api.AdCondition;
import co.plaza.marketplace.api.AdDetails;
import co.plaza.marketplace.api.AdEvents.AdCreatedEvent;
import co.plaza.marketplace.api.AdStatus;
import co.plaza.media.api.MediaEvents.MediaDeletedEvent;
import co.plaza.media.api.MediaEvents.MediaReattachedEvent;
import co.plaza.media.api.MediaEvents.MediaReorderedEvent;
import co.plaza.media.api.MediaEvents.MediaUploadedEvent;
import co.plaza.media.api.MediaType;
import co.plaza.media.api.MediaUse;
import co.plaza.media.api.RelatedType;
import co.plaza.platform.elasticsearch.SearchIndexes;
import co.plaza.platform.test.HttpApi.Response;
import co.plaza.marketplace.readmodel.AdsIndex;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static co.plaza.platform.test.HttpApi.body;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ads read models: images from media events, the owner's state in the documents, and a replay that neither
 * regresses documents nor views.
 */
class AdsProjectionTest extends ApiTest {

    @Autowired
    EventGateway events;
    @Autowired
    ElasticsearchClient elasticsearch;
    @Autowired
    SearchIndexes indexes;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    EventStore eventStore;

    @SuppressWarnings("unchecked")
    private Optional<Map<String, Object>> document(String id) {
        try {
            var found = elasticsearch.get(g -> g.index(indexes.alias(AdsIndex.INDEX)).id(id).realtime(true),
                    Map.class);
            return found.found() ? Optional.of((Map<String, Object>) found.source()) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> imageIds(JsonNode ad) {
        List<String> ids = new ArrayList<>();
        ad.path("images").forEach(i -> ids.add(i.path("id").asText()));
        return ids;
    }

    /** The image ids of a search document, in its order. */
    @SuppressWarnings("unchecked")
    private static List<String> documentImages(Map<String, Object> doc) {
        Map<String, Object> view = (Map<String, Object>) doc.get("view");
        return ((List<Map<String, Object>>) view.get("images")).stream().map(i -> (String) i.get("id")).toList();
    }

    private static MediaUploadedEvent uploaded(UUID media, UUID addId, int order) {
        return new MediaUploadedEvent(media, "k/" + media, MediaType.IMAGE, "image/jpeg", 10, "h", MediaUse.ADD_IMAGE,
                RelatedType.ADD, addId, order, null, null, false, Instant.now());
    }

    @Test
    void imagesFollowMediaEventsInOrder() {
        String token = account("fotos", "consumer").token();
        JsonNode ad = api.post("/api/adds/", body("title", "Cámara Canon", "condition", "used"), token).json();
        UUID addId = UUID.fromString(ad.path("id").asText());
        String path = "/api/adds/" + addId + "/";
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        events.publish(uploaded(first, addId, 1), uploaded(second, addId, 0));
        await(() -> imageIds(api.get(path, null).json()).size() == 2, "both images are shown");
        JsonNode shown = api.get(path, null).json();
        assertThat(imageIds(shown)).containsExactly(second.toString(), first.toString());
        assertThat(shown.path("images").get(0).path("url").asText()).startsWith("http").endsWith("/media/" + second + "/");
        await(() -> document(addId.toString()).map(d -> documentImages(d).size() == 2).orElse(false),
                "the search document advanced with the images");

        events.publish(new MediaReorderedEvent(first, MediaUse.ADD_IMAGE, RelatedType.ADD, addId, 0),
                new MediaReorderedEvent(second, MediaUse.ADD_IMAGE, RelatedType.ADD, addId, 1));
        await(() -> imageIds(api.get(path, null).json()).get(0).equals(first.toString()), "reordered");
        await(() -> documentImages(document(addId.toString()).orElseThrow()).equals(List.of(first.toString(), second.toString())),
                "the search document reordered them too");

        events.publish(new MediaReattachedEvent(second, RelatedType.ADD, addId, MediaUse.ADD_IMAGE, MediaUse.GENERIC, null, null, 0),
                new MediaDeletedEvent(first, "k/" + first, MediaUse.ADD_IMAGE, RelatedType.ADD, addId));
        await(() -> imageIds(api.get(path, null).json()).isEmpty(), "moved out and deleted");
        await(() -> document(addId.toString()).map(d -> documentImages(d).isEmpty()).orElse(false),
                "the search document lost them too");
    }

    @Test
    void aNewAdOfADeactivatedOwnerStartsHiddenAndReactivationRewritesItsDocument() {
        UUID owner = UUID.randomUUID();
        UUID addId = UUID.randomUUID();
        String tag = unique("oculto");
        events.publish(new UserDeactivatedEvent(owner));
        Instant now = Instant.now();
        eventStore.publish(new GenericDomainEventMessage<>("Ad", addId.toString(), 0, new AdCreatedEvent(addId, owner,
                null, new AdDetails("Acordeón " + tag, "", null, "COP", AdCondition.USED, null, null, null, "", ""),
                AdStatus.ACTIVE, now, now)));
        await(() -> document(addId.toString()).isPresent(), "the ad is indexed");
        assertThat(document(addId.toString()).orElseThrow().get("owner_active")).isEqualTo(false);
        assertThat(api.get("/api/adds/?search=" + tag, null).json().path("count").asLong()).isZero();

        events.publish(new UserReactivatedEvent(owner));
        await(() -> api.get("/api/adds/?search=" + tag, null).json().path("count").asLong() == 1,
                "the reactivation rewrote the owner's documents");
        JsonNode row = api.get("/api/adds/?search=" + tag, null).json().path("results").get(0);
        assertThat(row.path("title").asText()).isEqualTo("Acordeón " + tag);
        assertThat(row.path("user_id").asText()).isEqualTo(owner.toString());
        events.publish(new UserDeactivatedEvent(owner));
        await(() -> api.get("/api/adds/?search=" + tag, null).json().path("count").asLong() == 0,
                "and the next deactivation hides it again");
    }

    @Test
    void aReplayRebuildsWithoutRegressingAndLeavesViewsAlone() {
        String token = account("replay", "consumer").token();
        String tag = unique("rp");
        String sold = api.post("/api/adds/", body("title", "Vendido " + tag, "condition", "used", "price", 10), token)
                .json().path("id").asText();
        api.patch("/api/adds/" + sold + "/", body("title", "Vendido ya " + tag, "price", 20), token);
        api.post("/api/adds/" + sold + "/mark_sold/", null, token);
        String deleted = api.post("/api/adds/", body("title", "Borrado " + tag, "condition", "new"), token)
                .json().path("id").asText();
        assertThat(api.delete("/api/adds/" + deleted + "/", token).status()).isEqualTo(204);
        api.get("/api/adds/" + sold + "/", null);
        api.get("/api/adds/" + sold + "/", null);

        // the reads above were anonymous (no read-your-writes wait): wait for the projection itself
        await(() -> document(deleted).isEmpty() && document(sold).map(d -> "sold".equals(d.get("status"))).orElse(false),
                "the deletion and the sale are projected");
        Map<String, Object> before = document(sold).orElseThrow();
        assertThat(before.get("status")).isEqualTo("sold");
        assertThat(before.get("title_f")).isEqualTo("vendido ya " + tag);

        for (String group : List.of("adds-search-projection", "marketplace-projection")) {
            StreamingEventProcessor processor = processing.eventProcessor(group, StreamingEventProcessor.class).orElseThrow();
            processor.shutDown();
            processor.resetTokens();
            processor.start();
        }
        // the document is there all along (a replay rewrites in place): compare only once the replay has passed it
        awaitProcessed("adds-search-projection", "marketplace-projection");
        assertThat(api.get("/api/adds/?status=sold&search=" + tag, null).json().path("results").size()).isEqualTo(1);
        assertThat(document(sold).orElseThrow()).isEqualTo(before);
        assertThat(document(deleted)).as("a replayed create cannot resurrect a deleted ad").isEmpty();
        // lists are the index; the detail is the PostgreSQL read model, rebuilt by its own processor
        Response[] shown = new Response[1];
        await(() -> (shown[0] = api.get("/api/adds/" + sold + "/", null)).status() == 200,
                "the replay rebuilt the PostgreSQL read model too");
        Response detail = shown[0];
        assertThat(detail.json().path("status").asText()).isEqualTo("sold");
        assertThat(detail.json().path("price").asText()).isEqualTo("20.00");
        assertThat(detail.json().path("views_count").asLong()).as("views survive the replay").isEqualTo(3);
        assertThat(api.get("/api/adds/" + deleted + "/", null).status()).isEqualTo(404);
    }
}
