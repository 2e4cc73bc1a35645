package co.plaza.marketplace.readmodel;

import co.plaza.marketplace.api.AdCondition;
import co.plaza.marketplace.api.AdDetails;
import co.plaza.marketplace.api.AdQueries.AdView;
import co.plaza.marketplace.api.AdStatus;
import co.plaza.marketplace.api.CategoryQueries.CategoryView;
import co.plaza.marketplace.api.FollowQueries.FollowView;
import co.plaza.media.api.MediaRef;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The marketplace's PostgreSQL read models (DDL: V3_20, V3_21, V3_22): the one owner of their table names and row
 * mappers, written by the marketplace projection and read by the query handler.
 */
public final class AdsTables {

    public static final String ADS = "add_view";
    public static final String IMAGES = "add_image_view";
    /** Owners' active state as the marketplace projection saw it. */
    public static final String USER_STATE = "add_user_state";
    /** Owners' active state as the ads search projection saw it (its own processor). */
    public static final String SEARCH_USER_STATE = "add_search_user_state";
    /** Detail views: no read model, no event; no replay or reset touches it. */
    public static final String VIEWS = "add_views";
    public static final String CATEGORIES = "category_view";
    public static final String FOLLOWS = "follow_view";

    /**
     * The columns of an ad's details, in the order of {@link #detailValues}: the projection writes them and
     * {@link #AD} reads them, so a new field of {@link AdDetails} is added here (and in a migration) only.
     */
    public static final String DETAIL_COLUMNS =
            "title, description, price, currency, condition, category_id, latitude, longitude, address, city";
    public static final String DETAIL_PLACEHOLDERS = "?, ?, ?, ?, ?, ?, ?, ?, ?, ?";

    public static Object[] detailValues(AdDetails d) {
        return new Object[]{d.title(), nz(d.description()), d.price(), d.currency(), d.condition().wire(),
                d.categoryId(), d.latitude(), d.longitude(), nz(d.address()), nz(d.city())};
    }

    /** The table's text columns are NOT NULL; an absent text is stored empty. */
    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** An ad with its views and its owner's state; {@code a} is the ad row. */
    private static final String AD_COLUMNS = "a.*, COALESCE(v.count, 0) AS views_count, COALESCE(s.active, TRUE) AS owner_active"
            + " FROM " + ADS + " a LEFT JOIN " + VIEWS + " v ON v.add_id = a.id"
            + " LEFT JOIN " + USER_STATE + " s ON s.user_id = a.user_id";

    private static final RowMapper<AdView> AD = (rs, n) -> {
        AdDetails details = new AdDetails(rs.getString("title"), rs.getString("description"),
                rs.getBigDecimal("price"), rs.getString("currency"), AdCondition.fromWire(rs.getString("condition")),
                rs.getObject("category_id", UUID.class), (Double) rs.getObject("latitude"),
                (Double) rs.getObject("longitude"), rs.getString("address"), rs.getString("city"));
        return new AdView(rs.getObject("id", UUID.class), (Long) rs.getObject("legacy_id"),
                rs.getObject("user_id", UUID.class), details, AdStatus.fromWire(rs.getString("status")), List.of(),
                rs.getLong("views_count"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(), rs.getLong("version"), rs.getBoolean("owner_active"), null);
    };

    public static final RowMapper<CategoryView> CATEGORY = (rs, n) -> new CategoryView(rs.getObject("id", UUID.class),
            (Long) rs.getObject("legacy_id"), rs.getString("name"), rs.getString("slug"), rs.getString("description"),
            rs.getObject("parent_id", UUID.class));

    public static final RowMapper<FollowView> FOLLOW = (rs, n) -> new FollowView(rs.getObject("id", UUID.class),
            (Long) rs.getObject("legacy_id"), rs.getObject("follower_id", UUID.class),
            rs.getObject("followed_id", UUID.class), rs.getTimestamp("created_at").toInstant());

    private AdsTables() {
    }

    /** A live ad with its images by order, its views and its owner's state. */
    public static Optional<AdView> ad(JdbcTemplate jdbc, UUID addId) {
        Optional<AdView> ad = jdbc.query("SELECT " + AD_COLUMNS + " WHERE a.id = ? AND NOT a.deleted", AD, addId)
                .stream().findFirst();
        return ad.map(v -> {
            List<MediaRef> images = new ArrayList<>();
            jdbc.query("SELECT media_id, path, sort_order FROM " + IMAGES + " WHERE add_id = ? ORDER BY sort_order, media_id",
                    rs -> {
                        images.add(new MediaRef(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3)));
                    }, addId);
            return new AdView(v.id(), v.legacyId(), v.userId(), v.details(), v.status(), images, v.viewsCount(),
                    v.createdAt(), v.updatedAt(), v.version(), v.ownerActive(), null);
        });
    }

    /** Counts one detail view and gives the new count. */
    public static long countView(JdbcTemplate jdbc, UUID addId) {
        Long views = jdbc.queryForObject("INSERT INTO " + VIEWS + " (add_id, count) VALUES (?, 1)"
                + " ON CONFLICT (add_id) DO UPDATE SET count = " + VIEWS + ".count + 1 RETURNING count", Long.class, addId);
        return views == null ? 0 : views;
    }

    /** The views counters of some ads, by primary key; an ad never viewed is absent. */
    public static Map<UUID, Long> views(JdbcTemplate jdbc, List<UUID> ids) {
        Map<UUID, Long> views = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.query("SELECT add_id, count FROM " + VIEWS + " WHERE add_id = ANY(?)",
                    rs -> {
                        views.put(rs.getObject(1, UUID.class), rs.getLong(2));
                    }, (Object) ids.toArray(new UUID[0]));
        }
        return views;
    }
}
