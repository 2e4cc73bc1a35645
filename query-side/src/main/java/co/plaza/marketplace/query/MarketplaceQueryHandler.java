package co.plaza.marketplace.query;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.DistanceUnit;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.GeoDistanceType;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.plaza.marketplace.api.AdCondition;
import co.plaza.marketplace.api.AdDetails;
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
import co.plaza.media.api.MediaRef;
import co.plaza.platform.elasticsearch.SearchIndexes;
import co.plaza.platform.elasticsearch.TextFolding;
import co.plaza.marketplace.projection.AdsSearchProjection;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Ads, categories and follows. Lists, search and nearby ask Elasticsearch for the ids of a page (exact count),
 * then read those rows from PostgreSQL with their images and view counts, in Elasticsearch's order.
 */
@Component
public class MarketplaceQueryHandler {

    private static final String COLUMNS = """
            a.*, COALESCE(v.count, 0) AS views_count, COALESCE(s.active, TRUE) AS owner_active
            FROM add_view a LEFT JOIN add_views v ON v.add_id = a.id LEFT JOIN add_user_state s ON s.user_id = a.user_id""";

    private static final RowMapper<CategoryView> CATEGORY = (rs, n) -> new CategoryView(rs.getObject("id", UUID.class),
            (Long) rs.getObject("legacy_id"), rs.getString("name"), rs.getString("slug"), rs.getString("description"),
            rs.getObject("parent_id", UUID.class));

    private static final RowMapper<FollowView> FOLLOW = (rs, n) -> new FollowView(rs.getObject("id", UUID.class),
            (Long) rs.getObject("legacy_id"), rs.getObject("follower_id", UUID.class),
            rs.getObject("followed_id", UUID.class), rs.getTimestamp("created_at").toInstant());

    private final JdbcTemplate jdbc;
    private final ElasticsearchClient search;
    private final SearchIndexes indexes;

    public MarketplaceQueryHandler(JdbcTemplate jdbc, ElasticsearchClient search, SearchIndexes indexes) {
        this.jdbc = jdbc;
        this.search = search;
        this.indexes = indexes;
    }

    @QueryHandler
    public Optional<AdView> handle(FindAdQuery query) {
        return rows("SELECT " + COLUMNS + " WHERE a.id = ? AND NOT a.deleted", List.of(query.addId())).stream()
                .filter(v -> query.includeHidden() || v.ownerActive())
                .findFirst();
    }

    @QueryHandler
    public AdPage handle(ListAdsQuery query) {
        int from = (query.page() - 1) * query.pageSize();
        BoolQuery.Builder bool = new BoolQuery.Builder();
        for (String word : TextFolding.words(query.search())) {
            String pattern = "*" + TextFolding.escapeWildcard(word) + "*";
            bool.must(m -> m.bool(any -> any
                    .should(s -> s.wildcard(w -> w.field("title_f").value(pattern)))
                    .should(s -> s.wildcard(w -> w.field("description_f").value(pattern)))
                    .should(s -> s.wildcard(w -> w.field("city_f").value(pattern)))
                    .minimumShouldMatch("1")));
        }
        if (query.categoryId() != null) {
            bool.filter(f -> f.terms(t -> t.field("category_id").terms(v -> v.value(values(descendants(query.categoryId()))))));
        }
        if (query.minPrice() != null || query.maxPrice() != null) {
            bool.filter(f -> f.range(r -> r.number(n -> {
                n.field("price");
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
            bool.filter(f -> f.term(t -> t.field("condition").value(query.condition().wire())));
        }
        if (query.city() != null && !query.city().isBlank()) {
            bool.filter(f -> f.term(t -> t.field("city_f").value(TextFolding.fold(query.city()))));
        }
        if (query.users() != null) {
            bool.filter(f -> f.terms(t -> t.field("user_id").terms(v -> v.value(values(query.users())))));
        }
        statuses(bool, query);
        List<UUID> hidden = jdbc.queryForList("SELECT user_id FROM add_user_state WHERE NOT active", UUID.class);
        if (!hidden.isEmpty()) {
            bool.mustNot(m -> m.terms(t -> t.field("user_id").terms(v -> v.value(values(hidden)))));
        }
        List<SortOptions> sort = new ArrayList<>();
        if (query.near() != null) {
            var near = query.near();
            bool.filter(f -> f.geoDistance(g -> g.field("location").distance(near.radiusKm() + "km")
                    .location(l -> l.latlon(ll -> ll.lat(near.lat()).lon(near.lon())))));
            sort.add(SortOptions.of(s -> s.geoDistance(g -> g.field("location")
                    .location(l -> l.latlon(ll -> ll.lat(near.lat()).lon(near.lon())))
                    .unit(DistanceUnit.Kilometers).distanceType(GeoDistanceType.Arc).order(SortOrder.Asc))));
        } else {
            switch (query.ordering()) {
                case PRICE -> sort.add(field("price", SortOrder.Asc));
                case PRICE_DESC -> sort.add(field("price", SortOrder.Desc));
                case OLDEST -> sort.add(field("created_at", SortOrder.Asc));
                case NEWEST -> sort.add(field("created_at", SortOrder.Desc));
            }
            if (query.ordering() == co.plaza.marketplace.api.AdQueries.Ordering.PRICE
                    || query.ordering() == co.plaza.marketplace.api.AdQueries.Ordering.PRICE_DESC) {
                sort.add(field("created_at", SortOrder.Desc));
            }
        }
        sort.add(field("id", SortOrder.Desc));
        try {
            SearchResponse<Void> response = search.search(s -> s.index(indexes.alias(AdsSearchProjection.INDEX))
                    .query(q -> q.bool(bool.build())).trackTotalHits(t -> t.enabled(true))
                    .from(from).size(query.pageSize()).source(src -> src.fetch(false)).sort(sort), Void.class);
            long total = response.hits().total() == null ? 0 : response.hits().total().value();
            List<UUID> ids = new ArrayList<>();
            Map<UUID, Double> distances = new HashMap<>();
            for (Hit<Void> hit : response.hits().hits()) {
                UUID id = UUID.fromString(hit.id());
                ids.add(id);
                if (query.near() != null) {
                    distances.put(id, hit.sort().get(0).doubleValue());
                }
            }
            List<AdView> views = load(ids);
            if (query.near() != null) {
                views = views.stream().map(v -> v.withDistance(distances.get(v.id()))).toList();
            }
            return new AdPage(total, views);
        } catch (IOException e) {
            throw new UncheckedIOException("ad search failed", e);
        }
    }

    /** Price sorts put absent prices last in both directions (API.md, Conventions). */
    private static SortOptions field(String name, SortOrder order) {
        return SortOptions.of(s -> s.field(f -> f.field(name).order(order).missing("_last")));
    }

    /** Paused ads only of {@code pausedOnlyOf} when it is set (owners see their own; admins see all). */
    private static void statuses(BoolQuery.Builder bool, ListAdsQuery query) {
        List<String> open = query.statuses().stream().filter(s -> s != AdStatus.PAUSED || query.pausedOnlyOf() == null)
                .map(AdStatus::wire).toList();
        boolean ownPaused = query.statuses().contains(AdStatus.PAUSED) && query.pausedOnlyOf() != null;
        bool.filter(f -> f.bool(any -> {
            if (!open.isEmpty()) {
                any.should(s -> s.terms(t -> t.field("status").terms(v -> v.value(open.stream().map(FieldValue::of).toList()))));
            }
            if (ownPaused) {
                any.should(s -> s.bool(b -> b.filter(x -> x.term(t -> t.field("status").value(AdStatus.PAUSED.wire())))
                        .filter(x -> x.term(t -> t.field("user_id").value(query.pausedOnlyOf().toString())))));
            }
            return any.minimumShouldMatch("1");
        }));
    }

    private static List<FieldValue> values(Collection<UUID> ids) {
        return ids.stream().map(id -> FieldValue.of(id.toString())).toList();
    }

    /** A category and its subcategories at any depth. */
    private List<UUID> descendants(UUID categoryId) {
        return jdbc.queryForList("""
                WITH RECURSIVE tree(id) AS (
                    SELECT CAST(? AS UUID)
                    UNION SELECT c.id FROM category_view c JOIN tree t ON c.parent_id = t.id WHERE NOT c.deleted)
                SELECT id FROM tree""", UUID.class, categoryId);
    }

    @QueryHandler
    public List<UUID> handle(FollowedByQuery query) {
        return jdbc.queryForList("SELECT followed_id FROM follow_view WHERE follower_id = ?", UUID.class,
                query.followerId());
    }

    @QueryHandler
    public Optional<CategoryView> handle(FindCategoryQuery query) {
        return jdbc.query("SELECT * FROM category_view WHERE id = ? AND NOT deleted", CATEGORY, query.categoryId())
                .stream().findFirst();
    }

    @QueryHandler
    public CategoryPage handle(ListCategoriesQuery query) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM category_view WHERE NOT deleted", Long.class);
        List<CategoryView> rows = jdbc.query("SELECT * FROM category_view WHERE NOT deleted ORDER BY name, id LIMIT ? OFFSET ?",
                CATEGORY, query.pageSize(), (long) (query.page() - 1) * query.pageSize());
        return new CategoryPage(count == null ? 0 : count, rows);
    }

    @QueryHandler
    public Optional<FollowView> handle(FindFollowQuery query) {
        return jdbc.query("SELECT * FROM follow_view WHERE id = ?", FOLLOW, query.followId()).stream().findFirst();
    }

    @QueryHandler
    public FollowPage handle(ListFollowsQuery query) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM follow_view WHERE follower_id = ?", Long.class,
                query.followerId());
        List<FollowView> rows = jdbc.query("""
                SELECT * FROM follow_view WHERE follower_id = ? ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?""",
                FOLLOW, query.followerId(), query.pageSize(), (long) (query.page() - 1) * query.pageSize());
        return new FollowPage(count == null ? 0 : count, rows);
    }

    /** Rows in the order Elasticsearch ranked them; an id the read model has deleted meanwhile is left out. */
    private List<AdView> load(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String marks = String.join(",", Collections.nCopies(ids.size(), "?"));
        Map<UUID, AdView> byId = new LinkedHashMap<>();
        for (AdView v : rows("SELECT " + COLUMNS + " WHERE a.id IN (" + marks + ") AND NOT a.deleted", ids)) {
            byId.put(v.id(), v);
        }
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    private List<AdView> rows(String sql, List<UUID> ids) {
        List<AdView> views = jdbc.query(sql, (rs, n) -> {
            AdDetails details = new AdDetails(rs.getString("title"), rs.getString("description"),
                    rs.getBigDecimal("price"), rs.getString("currency"), AdCondition.fromWire(rs.getString("condition")),
                    rs.getObject("category_id", UUID.class), (Double) rs.getObject("latitude"),
                    (Double) rs.getObject("longitude"), rs.getString("address"), rs.getString("city"));
            return new AdView(rs.getObject("id", UUID.class), (Long) rs.getObject("legacy_id"),
                    rs.getObject("user_id", UUID.class), details, AdStatus.fromWire(rs.getString("status")), List.of(),
                    rs.getLong("views_count"), rs.getTimestamp("created_at").toInstant(),
                    rs.getTimestamp("updated_at").toInstant(), rs.getLong("version"), rs.getBoolean("owner_active"), null);
        }, ids.toArray());
        if (views.isEmpty()) {
            return views;
        }
        Map<UUID, List<MediaRef>> images = new HashMap<>();
        String marks = String.join(",", Collections.nCopies(views.size(), "?"));
        jdbc.query("SELECT * FROM add_image_view WHERE add_id IN (" + marks + ") ORDER BY sort_order, media_id",
                rs -> {
                    images.computeIfAbsent(rs.getObject("add_id", UUID.class), k -> new ArrayList<>())
                            .add(new MediaRef(rs.getObject("media_id", UUID.class), rs.getString("path"),
                                    rs.getInt("sort_order")));
                }, views.stream().map(AdView::id).toArray());
        return views.stream().map(v -> new AdView(v.id(), v.legacyId(), v.userId(), v.details(), v.status(),
                images.getOrDefault(v.id(), List.of()), v.viewsCount(), v.createdAt(), v.updatedAt(), v.version(),
                v.ownerActive(), null)).toList();
    }
}
