package co.plaza.marketplace.query;

import co.plaza.common.api.Viewer;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.plaza.marketplace.api.AdCondition;
import co.plaza.marketplace.api.AdDetails;
import co.plaza.marketplace.api.AdEvents.AdCreatedEvent;
import co.plaza.marketplace.api.AdQueries.AdPage;
import co.plaza.marketplace.api.AdQueries.ListAdsQuery;
import co.plaza.marketplace.api.AdQueries.Near;
import co.plaza.marketplace.api.AdQueries.Ordering;
import co.plaza.marketplace.api.AdStatus;
import co.plaza.marketplace.readmodel.AdsIndex;
import co.plaza.platform.elasticsearch.SearchIndexes;
import co.plaza.platform.elasticsearch.SearchPages;
import co.plaza.platform.test.ComponentTier;
import co.plaza.platform.test.PlazaTestEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Random;
import java.util.UUID;

/**
 * ADR 0016's figures: {@code bench.deep.ads} active ads (default 70,000, production's count) in a scratch index
 * with the real mapping, then the latency of pages of 20 through the query handler, newest first, by price and
 * nearby: 1, 500 (the deepest inside the window), 501 (the first past it), the middle (the longest walk), 500
 * pages before the last, and the last (3,500). Not part of the build:
 * {@code -Dbench.deep=true -Dtest=DeepPageBenchmark}.
 */
@SpringBootTest(classes = ComponentTier.class)
@ContextConfiguration(initializers = PlazaTestEnvironment.class)
@EnabledIfSystemProperty(named = "bench.deep", matches = "true")
class DeepPageBenchmark {

    private static final int ADS = Integer.getInteger("bench.deep.ads", 70_000);
    private static final int RUNS = Integer.getInteger("bench.deep.runs", 15);

    @Autowired
    ElasticsearchClient elasticsearch;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void deepPages() throws Exception {
        SearchIndexes indexes = new SearchIndexes(elasticsearch, "bench" + UUID.randomUUID().toString().substring(0, 6) + "_");
        String alias = indexes.ensure(AdsIndex.INDEX, AdsIndex.VERSION, AdsIndex.MAPPING);
        Random random = new Random(7);
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        BulkRequest.Builder bulk = new BulkRequest.Builder();
        int pending = 0;
        for (int i = 0; i < ADS; i++) {
            Instant at = start.plusSeconds(random.nextInt(60 * 60 * 24 * 600));
            AdCreatedEvent e = new AdCreatedEvent(UUID.randomUUID(), UUID.randomUUID(), null, new AdDetails("Anuncio " + i,
                    "Se vende artículo número " + i + " en buen estado", random.nextInt(10) == 0 ? null
                    : BigDecimal.valueOf(1000 + random.nextInt(5_000_000)), "COP", AdCondition.USED, null,
                    4.5 + random.nextDouble() * 0.4, -74.2 + random.nextDouble() * 0.3, "", "Bogotá"),
                    AdStatus.ACTIVE, at, at);
            var doc = AdsIndex.document(e, i + 1, 0, true);
            bulk.operations(o -> o.index(x -> x.index(alias).id(e.addId().toString()).document(doc)));
            if (++pending == 5_000 || i == ADS - 1) {
                var response = elasticsearch.bulk(bulk.build());
                if (response.errors()) {
                    throw new IllegalStateException("bulk failed");
                }
                bulk = new BulkRequest.Builder();
                pending = 0;
            }
        }
        elasticsearch.indices().refresh(r -> r.index(alias));
        elasticsearch.indices().forcemerge(f -> f.index(alias).maxNumSegments(1L));
        MarketplaceQueryHandler handler = new MarketplaceQueryHandler(jdbc, indexes, new SearchPages(elasticsearch));
        int last = (ADS + 19) / 20;
        try {
            for (Ordering ordering : new Ordering[]{Ordering.NEWEST, Ordering.PRICE}) {
                for (int page : new int[]{1, 500, 501, last / 2, last - 500, last}) {
                    measure(handler, ordering + " page " + page, query(ordering, null, page));
                }
            }
            Near near = new Near(4.7, -74.05, 100);
            for (int page : new int[]{1, 500, 501, last / 2, last - 500, last}) {
                measure(handler, "nearby page " + page, query(Ordering.NEWEST, near, page));
            }
        } finally {
            elasticsearch.indices().delete(d -> d.index(indexes.index(AdsIndex.INDEX, AdsIndex.VERSION)));
        }
    }

    private static ListAdsQuery query(Ordering ordering, Near near, int page) {
        return new ListAdsQuery(null, null, null, null, null, null, null, EnumSet.of(AdStatus.ACTIVE), Viewer.ANONYMOUS, ordering,
                near, page, 20);
    }

    private static void measure(MarketplaceQueryHandler handler, String what, ListAdsQuery query) {
        for (int i = 0; i < 3; i++) {
            handler.handle(query);
        }
        long[] millis = new long[RUNS];
        int rows = 0;
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            AdPage page = handler.handle(query);
            millis[i] = (System.nanoTime() - t) / 1_000_000;
            rows = page.results().size();
        }
        Arrays.sort(millis);
        System.out.printf("BENCH %-22s rows=%d p50=%d ms p90=%d ms max=%d ms%n", what, rows, millis[RUNS / 2],
                millis[(int) (RUNS * 0.9)], millis[RUNS - 1]);
    }
}
