package co.plaza.marketplace.query;

import co.elastic.clients.elasticsearch._types.DistanceUnit;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.GeoDistanceType;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.plaza.marketplace.api.AdQueries.AdPage;
import co.plaza.marketplace.api.AdQueries.AdView;
import co.plaza.marketplace.api.CategoryQueries.CategoryPage;
import co.plaza.marketplace.api.CategoryQueries.CategoryView;
import co.plaza.marketplace.api.AdQueries.FindAdQuery;
import co.plaza.marketplace.api.CategoryQueries.FindCategoryQuery;
import co.plaza.marketplace.api.FollowQueries.FindFollowQuery;
import co.plaza.marketplace.api.FollowQueries.FollowPage;
import co.plaza.marketplace.api.FollowQueries.FollowView;
import co.plaza.marketplace.api.FollowQueries.FollowedByQuery;
import co.plaza.marketplace.api.AdQueries.ListAdsQuery;
import co.plaza.marketplace.api.CategoryQueries.ListCategoriesQuery;
import co.plaza.marketplace.api.FollowQueries.ListFollowsQuery;
import co.plaza.marketplace.api.AdStatus;
import co.plaza.common.api.Viewer;
import co.plaza.platform.elasticsearch.SearchIndexes;
import co.plaza.platform.elasticsearch.SearchPages;
import co.plaza.platform.elasticsearch.TextFolding;
import co.plaza.marketplace.readmodel.AdsIndex;
import co.plaza.marketplace.readmodel.AdsTables;
import co.plaza.marketplace.api.AdQueries.Ordering;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Ads, categories and follows. Lists, search and nearby are one Elasticsearch search (exact count) whose documents
 * are the rows; an ad's detail, and categories and follows, are read from PostgreSQL.
 */
@Component
public class MarketplaceQueryHandler {

    private final JdbcTemplate jdbc;
    private final SearchIndexes indexes;
    private final SearchPages pages;

    public MarketplaceQueryHandler(JdbcTemplate jdbc, SearchIndexes indexes, SearchPages pages) {
        this.jdbc = jdbc;
        this.indexes = indexes;
        this.pages = pages;
    }

    @QueryHandler
    public Optional<AdView> handle(FindAdQuery query) {
        return AdsTables.ad(jdbc, query.addId()).filter(v -> v.visibleTo(query.viewer()));
    }

    /**
     * One search (a page past the result window a few, SearchPages): the documents carry the rows (AdsIndex), so
     * only the views counter, which is no event and so not in the documents, is read beside it, by primary key.
     */
    @QueryHandler
    public AdPage handle(ListAdsQuery query) {
        SearchPages.Page<Map> page = pages.page(search(query), sort(query), (query.page() - 1L) * query.pageSize(),
                query.pageSize(), Map.class);
        List<Hit<Map>> hits = page.hits();
        Map<UUID, Long> views = AdsTables.views(jdbc, hits.stream().map(h -> UUID.fromString(h.id())).toList());
        List<AdView> rows = hits.stream().map(hit -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> doc = hit.source();
            Double distance = query.near() == null ? null : hit.sort().get(0).doubleValue();
            return AdsIndex.row(doc, views.getOrDefault(UUID.fromString(hit.id()), 0L), distance);
        }).toList();
        return new AdPage(page.total(), rows);
    }

    /** The search of a list (index, query, source), which SearchPages pages; package-visible for tests. */
    Consumer<SearchRequest.Builder> search(ListAdsQuery query) {
        BoolQuery.Builder bool = new BoolQuery.Builder();
        for (String word : TextFolding.words(query.search())) {
            String pattern = "*" + TextFolding.escapeWildcard(word) + "*";
            bool.must(m -> m.bool(any -> {
                for (String field : AdsIndex.SEARCHABLE) {
                    any.should(s -> s.wildcard(w -> w.field(field).value(pattern)));
                }
                return any.minimumShouldMatch("1");
            }));
        }
        if (query.categoryId() != null) {
            bool.filter(f -> f.terms(t -> t.field(AdsIndex.CATEGORY_ID).terms(v -> v.value(values(descendants(query.categoryId()))))));
        }
        if (query.minPrice() != null || query.maxPrice() != null) {
            bool.filter(f -> f.range(r -> r.number(n -> {
                n.field(AdsIndex.PRICE);
                if (query.minPrice() != null) {
                    n.gte(query.minPrice().doubleValue());
                }
                if (query.maxPrice() != null) {
                    n.lte(query.maxPrice().doubleValue());
                }
                return n;
            })));
        }
        if (query.condition() != null) {
            bool.filter(f -> f.term(t -> t.field(AdsIndex.CONDITION).value(query.condition().wire())));
        }
        if (query.city() != null && !query.city().isBlank()) {
            bool.filter(f -> f.term(t -> t.field(AdsIndex.CITY_FOLDED).value(TextFolding.fold(query.city()))));
        }
        if (query.users() != null) {
            bool.filter(f -> f.terms(t -> t.field(AdsIndex.USER_ID).terms(v -> v.value(values(query.users())))));
        }
        statuses(bool, query);
        // ads of deactivated owners are hidden from every list; the documents know their owner's state
        bool.filter(f -> f.term(t -> t.field(AdsIndex.OWNER_ACTIVE).value(true)));
        if (query.near() != null) {
            var near = query.near();
            bool.filter(f -> f.geoDistance(g -> g.field(AdsIndex.LOCATION).distance(near.radiusKm() + "km")
                    .location(l -> l.latlon(ll -> ll.lat(near.lat()).lon(near.lon())))));
        }
        BoolQuery filters = bool.build();
        return s -> s.index(indexes.alias(AdsIndex.INDEX)).query(q -> q.bool(filters))
                .source(src -> src.filter(f -> f.excludes(AdsIndex.SEARCHABLE)));
    }

    /** Nearest first for nearby, else the ordering asked for; {@code seq} last, unique (SearchPages needs it). */
    private static List<SortOptions> sort(ListAdsQuery query) {
        List<SortOptions> sort = new ArrayList<>();
        if (query.near() != null) {
            var near = query.near();
            sort.add(SortOptions.of(s -> s.geoDistance(g -> g.field(AdsIndex.LOCATION)
                    .location(l -> l.latlon(ll -> ll.lat(near.lat()).lon(near.lon())))
                    .unit(DistanceUnit.Kilometers).distanceType(GeoDistanceType.Arc).order(SortOrder.Asc))));
        } else {
            switch (query.ordering()) {
                case PRICE -> sort.add(field(AdsIndex.PRICE, SortOrder.Asc));
                case PRICE_DESC -> sort.add(field(AdsIndex.PRICE, SortOrder.Desc));
                case OLDEST -> sort.add(field(AdsIndex.CREATED_AT, SortOrder.Asc));
                case NEWEST -> sort.add(field(AdsIndex.CREATED_AT, SortOrder.Desc));
            }
            if (query.ordering() == Ordering.PRICE || query.ordering() == Ordering.PRICE_DESC) {
                sort.add(field(AdsIndex.CREATED_AT, SortOrder.Desc));
            }
        }
        // numeric and unique: a keyword tie-breaker would cost most of the query on a large result
        sort.add(field(AdsIndex.SEQ, SortOrder.Desc));
        return sort;
    }

    /** Price sorts put absent prices last in both directions (API.md, Conventions). */
    private static SortOptions field(String name, SortOrder order) {
        return SortOptions.of(s -> s.field(f -> f.field(name).order(order).missing("_last")));
    }

    /** Paused ads as AdView.visibleTo shows them: all of them to admins, their own to owners, none to anonymous. */
    private static void statuses(BoolQuery.Builder bool, ListAdsQuery query) {
        Viewer viewer = query.viewer();
        List<String> open = query.statuses().stream().filter(s -> s != AdStatus.PAUSED || viewer.staff())
                .map(AdStatus::wire).toList();
        boolean ownPaused = query.statuses().contains(AdStatus.PAUSED) && !viewer.staff() && viewer.actorId() != null;
        bool.filter(f -> f.bool(any -> {
            if (!open.isEmpty()) {
                any.should(s -> s.terms(t -> t.field(AdsIndex.STATUS).terms(v -> v.value(open.stream().map(FieldValue::of).toList()))));
            }
            if (ownPaused) {
                any.should(s -> s.bool(b -> b.filter(x -> x.term(t -> t.field(AdsIndex.STATUS).value(AdStatus.PAUSED.wire())))
                        .filter(x -> x.term(t -> t.field(AdsIndex.USER_ID).value(viewer.actorId().toString())))));
            }
            if (open.isEmpty() && !ownPaused) {
                any.should(s -> s.matchNone(m -> m));
            }
            return any.minimumShouldMatch("1");
        }));
    }

    private static List<FieldValue> values(Collection<UUID> ids) {
        return ids.stream().map(id -> FieldValue.of(id.toString())).toList();
    }

    /** A category and its subcategories at any depth. */
    private List<UUID> descendants(UUID categoryId) {
        return jdbc.queryForList("WITH RECURSIVE tree(id) AS (SELECT CAST(? AS UUID) UNION SELECT c.id FROM "
                + AdsTables.CATEGORIES + " c JOIN tree t ON c.parent_id = t.id WHERE NOT c.deleted) SELECT id FROM tree",
                UUID.class, categoryId);
    }

    @QueryHandler
    public List<UUID> handle(FollowedByQuery query) {
        return jdbc.queryForList("SELECT followed_id FROM " + AdsTables.FOLLOWS + " WHERE follower_id = ?", UUID.class,
                query.followerId());
    }

    @QueryHandler
    public Optional<CategoryView> handle(FindCategoryQuery query) {
        return jdbc.query("SELECT * FROM " + AdsTables.CATEGORIES + " WHERE id = ? AND NOT deleted", AdsTables.CATEGORY, query.categoryId())
                .stream().findFirst();
    }

    @QueryHandler
    public CategoryPage handle(ListCategoriesQuery query) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM " + AdsTables.CATEGORIES + " WHERE NOT deleted", Long.class);
        List<CategoryView> rows = jdbc.query("SELECT * FROM " + AdsTables.CATEGORIES + " WHERE NOT deleted ORDER BY name, id LIMIT ? OFFSET ?",
                AdsTables.CATEGORY, query.pageSize(), (long) (query.page() - 1) * query.pageSize());
        return new CategoryPage(count == null ? 0 : count, rows);
    }

    @QueryHandler
    public Optional<FollowView> handle(FindFollowQuery query) {
        return jdbc.query("SELECT * FROM " + AdsTables.FOLLOWS + " WHERE id = ?", AdsTables.FOLLOW, query.followId()).stream().findFirst();
    }

    @QueryHandler
    public FollowPage handle(ListFollowsQuery query) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM " + AdsTables.FOLLOWS + " WHERE follower_id = ?", Long.class,
                query.followerId());
        List<FollowView> rows = jdbc.query("SELECT * FROM " + AdsTables.FOLLOWS
                        + " WHERE follower_id = ? ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?",
                AdsTables.FOLLOW, query.followerId(), query.pageSize(), (long) (query.page() - 1) * query.pageSize());
        return new FollowPage(count == null ? 0 : count, rows);
    }
}
