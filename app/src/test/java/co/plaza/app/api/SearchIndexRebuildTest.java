package co.plaza.app.api;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.plaza.marketplace.readmodel.AdsIndex;
import co.plaza.platform.elasticsearch.SearchIndexes;
import co.plaza.platform.test.HttpApi.Response;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static co.plaza.platform.test.HttpApi.body;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A version bump of the ads index: the new index is filled from the event store while the old one keeps
 * serving, then the alias moves; a reader querying the alias throughout never fails nor finds it empty, and an
 * ad written during the rebuild is in the new index.
 */
class SearchIndexRebuildTest extends ApiTest {

    @Autowired
    SearchIndexes indexes;
    @Autowired
    ElasticsearchClient elasticsearch;

    private String createAd(String token, String title) {
        Response r = api.post("/api/adds/", body("title", title, "description", "Para reconstruir", "price", "1000",
                "condition", "new"), token);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().path("id").asText();
    }

    private List<String> search(String token, String word) {
        Response r = api.get("/api/adds/?search=" + word, token);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().findValuesAsText("id");
    }

    private boolean exists(String index) {
        try {
            return elasticsearch.indices().exists(e -> e.index(index)).value();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aVersionBumpRebuildsTheIndexWhileTheOldOneServes() throws Exception {
        String seller = unique("indice");
        register(seller, "consumer");
        String token = login(seller, PASSWORD);
        String before = createAd(token, "Lampara " + seller);

        String alias = indexes.alias(AdsIndex.INDEX);
        String old = indexes.liveIndex(AdsIndex.INDEX).orElseThrow();
        int version = Integer.parseInt(old.substring(old.lastIndexOf("_v") + 2)) + 1;
        String rebuilt = indexes.index(AdsIndex.INDEX, version);

        List<String> failures = new CopyOnWriteArrayList<>();
        AtomicInteger reads = new AtomicInteger();
        AtomicBoolean reading = new AtomicBoolean(true);
        Thread reader = new Thread(() -> {
            while (reading.get()) {
                try {
                    long hits = elasticsearch.count(c -> c.index(alias)).count();
                    if (hits == 0) {
                        failures.add("empty result");
                    }
                    reads.incrementAndGet();
                } catch (Exception e) {
                    failures.add(e.toString());
                }
            }
        }, "alias-reader");
        reader.start();
        try {
            assertThat(indexes.ensure(AdsIndex.INDEX, version, AdsIndex.MAPPING)).isEqualTo(alias);
            String during = createAd(token, "Escritorio " + seller);
            await(() -> indexes.liveIndex(AdsIndex.INDEX).orElse("").equals(rebuilt), "the alias moves to " + rebuilt);
            String after = createAd(token, "Silla " + seller);

            await(() -> !exists(old), "the old index is dropped");
            assertThat(indexes.pendingRebuilds()).isEmpty();
            assertThat(search(token, "lampara")).contains(before);
            assertThat(search(token, "escritorio")).contains(during);
            assertThat(search(token, "silla")).contains(after);
            JsonNode mine = api.get("/api/adds/my_adds/", token).json();
            assertThat(mine.path("count").asInt()).isEqualTo(3);
        } finally {
            reading.set(false);
            reader.join();
        }
        assertThat(failures).isEmpty();
        assertThat(reads.get()).isPositive();
    }
}
