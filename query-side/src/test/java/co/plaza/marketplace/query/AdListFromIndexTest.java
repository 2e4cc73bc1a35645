package co.plaza.marketplace.query;

import co.plaza.common.api.Viewer;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.plaza.marketplace.api.AdCondition;
import co.plaza.marketplace.api.AdDetails;
import co.plaza.marketplace.api.AdEvents.AdCreatedEvent;
import co.plaza.marketplace.api.AdQueries.AdPage;
import co.plaza.marketplace.api.AdQueries.AdView;
import co.plaza.marketplace.api.AdQueries.ListAdsQuery;
import co.plaza.marketplace.api.AdQueries.Near;
import co.plaza.marketplace.api.AdQueries.Ordering;
import co.plaza.marketplace.api.AdStatus;
import co.plaza.marketplace.readmodel.AdsIndex;
import co.plaza.marketplace.readmodel.AdsTables;
import co.plaza.media.api.MediaRef;
import co.plaza.platform.elasticsearch.SearchIndexes;
import co.plaza.platform.elasticsearch.SearchPages;
import co.plaza.platform.elasticsearch.SearchWriter;
import co.plaza.platform.test.ComponentTier;
import co.plaza.platform.test.PlazaTestEnvironment;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ads query handler on an index of its own that only this test writes: PostgreSQL has none of these ads, so
 * whatever a list row shows (images in order, exact price, the owner's state) comes from the document alone;
 * only the views counter is read beside it.
 */
@SpringBootTest(classes = ComponentTier.class)
@ContextConfiguration(initializers = PlazaTestEnvironment.class)
class AdListFromIndexTest {

    @Autowired
    ElasticsearchClient elasticsearch;
    @Autowired
    JdbcTemplate jdbc;

    private static final Instant T = Instant.parse("2025-03-01T10:00:00Z");

    private static AdCreatedEvent ad(UUID owner, String title, String price, Double lat, Double lon, Instant at) {
        return new AdCreatedEvent(UUID.randomUUID(), owner, null, new AdDetails(title, "Descripción de " + title,
                price == null ? null : new BigDecimal(price), "COP", AdCondition.USED, null, lat, lon, "Calle 1", "Bogotá"),
                AdStatus.ACTIVE, at, at);
    }

    private static ListAdsQuery list(String search, Near near) {
        return new ListAdsQuery(search, null, null, null, null, null, null, EnumSet.of(AdStatus.ACTIVE), Viewer.ANONYMOUS,
                Ordering.NEWEST, near, 1, 20);
    }

    @Test
    void aListPageIsTheDocumentsWithImagesInOrderAndWithoutHiddenOwners() {
        SearchIndexes indexes = new SearchIndexes(elasticsearch, "component" + UUID.randomUUID().toString().substring(0, 8) + "_");
        String alias = indexes.ensure(AdsIndex.INDEX, AdsIndex.VERSION, AdsIndex.MAPPING);
        SearchWriter writer = new SearchWriter(elasticsearch);
        MarketplaceQueryHandler handler = new MarketplaceQueryHandler(jdbc, indexes, new SearchPages(elasticsearch));

        UUID owner = UUID.randomUUID();
        UUID deactivated = UUID.randomUUID();
        AdCreatedEvent camera = ad(owner, "Cámara Canon", "1234.50", 4.60, -74.07, T);
        // same instant as the camera, created later (greater seq): first among equals
        AdCreatedEvent guitar = ad(owner, "Guitarra", null, 4.61, -74.07, T);
        AdCreatedEvent older = ad(owner, "Sofá viejo", "10", null, null, T.minusSeconds(60));
        AdCreatedEvent hidden = ad(deactivated, "Cámara Nikon", "99", 4.60, -74.07, T.plusSeconds(60));
        UUID first = new UUID(0, 1);
        UUID second = new UUID(0, 2);
        Map<String, Object> cameraDoc = AdsIndex.document(camera, 10, 3, true);
        AdsIndex.putImage(cameraDoc, second, 1);
        AdsIndex.putImage(cameraDoc, first, 0);
        writer.index(alias, camera.addId().toString(), cameraDoc, 10);
        writer.index(alias, guitar.addId().toString(), AdsIndex.document(guitar, 11, 0, true), 11);
        writer.index(alias, older.addId().toString(), AdsIndex.document(older, 12, 0, true), 12);
        writer.index(alias, hidden.addId().toString(), AdsIndex.document(hidden, 13, 0, false), 13);
        jdbc.update("INSERT INTO " + AdsTables.VIEWS + " (add_id, count) VALUES (?, 7)", camera.addId());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM " + AdsTables.ADS + " WHERE id = ANY(?)", Long.class,
                (Object) new UUID[]{camera.addId(), guitar.addId(), older.addId(), hidden.addId()}))
                .as("no PostgreSQL row to read them from").isZero();

        AdPage all = handler.handle(list(null, null));
        assertThat(all.count()).as("the deactivated owner's ad is not counted").isEqualTo(3);
        assertThat(all.results()).extracting(AdView::id)
                .containsExactly(guitar.addId(), camera.addId(), older.addId());
        AdView row = all.results().get(1);
        assertThat(row.details()).isEqualTo(camera.details());
        assertThat(row.details().price()).isEqualByComparingTo("1234.50");
        assertThat(row.images()).containsExactly(new MediaRef(first, MediaRef.pathOf(first), 0),
                new MediaRef(second, MediaRef.pathOf(second), 1));
        assertThat(row.viewsCount()).as("the views counter, read by key beside the search").isEqualTo(7);
        assertThat(row.version()).isEqualTo(3);
        assertThat(row.ownerActive()).isTrue();
        assertThat(row.createdAt()).isEqualTo(T);
        assertThat(all.results().get(0).details().price()).isNull();
        assertThat(all.results().get(0).viewsCount()).isZero();

        AdPage search = handler.handle(list("camara", null));
        assertThat(search.results()).extracting(AdView::id).containsExactly(camera.addId());

        AdPage nearby = handler.handle(list(null, new Near(4.60, -74.07, 5)));
        assertThat(nearby.results()).extracting(AdView::id).containsExactly(camera.addId(), guitar.addId());
        assertThat(nearby.results().get(0).distanceKm()).isEqualTo(0.0);
        assertThat(nearby.results().get(1).distanceKm()).isBetween(1.0, 1.2);

        // the projection's rewrite on reactivation: the same document with the owner active shows it
        Map<String, Object> shown = AdsIndex.document(hidden, 13, 0, true);
        writer.index(alias, hidden.addId().toString(), shown, 14);
        assertThat(handler.handle(list(null, null)).results()).extracting(AdView::id).startsWith(hidden.addId());
    }

    private static ListAdsQuery page(Ordering ordering, Near near, int page, int size) {
        return new ListAdsQuery(null, null, null, null, null, null, null, EnumSet.of(AdStatus.ACTIVE), Viewer.ANONYMOUS, ordering,
                near, page, size);
    }

    /**
     * Every page of every sort, through an index whose {@code index.max_result_window} is 5, so Elasticsearch itself
     * refuses any request of the deep path that reaches past it, gives the rows the same search gives from a normal
     * index with {@code from}: the {@code search_after} walk and the reversed sort (pages nearer the end) keep ties
     * (seq), absent prices (last in both directions) and distances in order.
     */
    @Test
    void aPagePastTheResultWindowIsTheRowsTheShallowPathGives() {
        String small = AdsIndex.MAPPING.replace("\"number_of_shards\": 1,", "\"number_of_shards\": 1, \"max_result_window\": 5,");
        assertThat(small).isNotEqualTo(AdsIndex.MAPPING);
        SearchIndexes narrow = new SearchIndexes(elasticsearch, "component" + UUID.randomUUID().toString().substring(0, 8) + "_");
        SearchIndexes wide = new SearchIndexes(elasticsearch, "component" + UUID.randomUUID().toString().substring(0, 8) + "_");
        String narrowAlias = narrow.ensure(AdsIndex.INDEX, AdsIndex.VERSION, small);
        String wideAlias = wide.ensure(AdsIndex.INDEX, AdsIndex.VERSION, AdsIndex.MAPPING);
        SearchWriter writer = new SearchWriter(elasticsearch);
        UUID owner = UUID.randomUUID();
        for (int i = 0; i < 13; i++) {
            // pairs created at the same second, every fourth without a price, spread north of the point
            AdCreatedEvent e = ad(owner, "Anuncio " + i, i % 4 == 0 ? null : String.valueOf(100 + (i * 37) % 11),
                    4.60 + i * 0.001, -74.07, T.minusSeconds(i / 2));
            Map<String, Object> doc = AdsIndex.document(e, 100 + i, 0, true);
            writer.index(narrowAlias, e.addId().toString(), doc, 100 + i);
            writer.index(wideAlias, e.addId().toString(), doc, 100 + i);
        }
        MarketplaceQueryHandler shallow = new MarketplaceQueryHandler(jdbc, wide, new SearchPages(elasticsearch));

        Near near = new Near(4.60, -74.07, 50);
        // window 5, pages of 3: single chunks from either end; window 2, pages of 2: walks of several chunks
        for (int[] shape : new int[][]{{5, 3}, {2, 2}}) {
            MarketplaceQueryHandler deep = new MarketplaceQueryHandler(jdbc, narrow, new SearchPages(elasticsearch, shape[0]));
            int size = shape[1];
            int pages = (13 + size - 1) / size;
            for (Ordering ordering : Ordering.values()) {
                for (Near where : new Near[]{null, near}) {
                    java.util.List<UUID> walked = new java.util.ArrayList<>();
                    for (int page = 1; page <= pages; page++) {
                        String what = "window " + shape[0] + " " + ordering + " near " + where + " page " + page;
                        AdPage expected = shallow.handle(page(ordering, where, page, size));
                        AdPage got = deep.handle(page(ordering, where, page, size));
                        assertThat(got.count()).as(what).isEqualTo(13);
                        assertThat(got.results()).extracting(AdView::id).as(what)
                                .containsExactlyElementsOf(expected.results().stream().map(AdView::id).toList());
                        assertThat(got.results()).extracting(AdView::distanceKm).as(what)
                                .containsExactlyElementsOf(expected.results().stream().map(AdView::distanceKm).toList());
                        got.results().forEach(r -> walked.add(r.id()));
                    }
                    assertThat(walked).as("every ad once").hasSize(13).doesNotHaveDuplicates();
                    AdPage past = deep.handle(page(ordering, where, pages + 1, size));
                    assertThat(past.results()).as("past the last page: no rows, the exact count for the 404").isEmpty();
                    assertThat(past.count()).isEqualTo(13);
                }
            }
        }
    }
}
