package co.plaza.marketplace.query.web;

import co.plaza.marketplace.api.AdCondition;
import co.plaza.marketplace.api.AdQueries.AdPage;
import co.plaza.marketplace.api.AdQueries.AdView;
import co.plaza.marketplace.api.AdQueries.FindAdQuery;
import co.plaza.marketplace.api.FollowQueries.FollowedByQuery;
import co.plaza.marketplace.api.AdQueries.ListAdsQuery;
import co.plaza.marketplace.api.AdQueries.Near;
import co.plaza.marketplace.api.AdQueries.Ordering;
import co.plaza.marketplace.api.AdRepresentation;
import co.plaza.marketplace.api.AdStatus;
import co.plaza.marketplace.api.MarketplaceIds;
import co.plaza.marketplace.readmodel.AdsTables;
import co.plaza.identity.api.UserIds;
import co.plaza.platform.context.Caller;
import co.plaza.platform.errors.DomainException;
import co.plaza.platform.web.PageParams;
import co.plaza.platform.web.PathIds;
import co.plaza.platform.web.QueryParams;
import co.plaza.platform.web.Versions;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** API.md, Marketplace: ad lists, nearby, my_adds, following_adds and detail (which counts a view). */
@RestController
public class AdQueryController {

    /** Prices are NUMERIC(12,2): a bound beyond them filters nothing and is refused. */
    private static final BigDecimal MAX_PRICE = new BigDecimal("9999999999.99");
    private static final Map<String, Ordering> ORDERINGS = Map.of("price", Ordering.PRICE, "-price",
            Ordering.PRICE_DESC, "created_at", Ordering.OLDEST, "-created_at", Ordering.NEWEST);

    private final QueryGateway queries;
    private final JdbcTemplate jdbc;

    public AdQueryController(QueryGateway queries, JdbcTemplate jdbc) {
        this.queries = queries;
        this.jdbc = jdbc;
    }

    @GetMapping("/api/adds")
    public Map<String, Object> list(HttpServletRequest request, Caller caller) {
        return page(request, QueryParams.of(request), null, null, caller);
    }

    @GetMapping("/api/adds/nearby")
    public Map<String, Object> nearby(HttpServletRequest request, Caller caller) {
        QueryParams in = QueryParams.of(request);
        Double lat = in.number("lat", true, -90, 90);
        Double lon = in.number("lon", true, -180, 180);
        Double radius = in.number("radius_km", false, 0, 100);
        if (radius != null && radius == 0) {
            in.error("radius_km", "error.out_of_range");
        }
        Near near = lat == null || lon == null ? null : new Near(lat, lon, radius == null ? 10 : radius);
        return page(request, in, near, null, caller);
    }

    @GetMapping("/api/adds/my_adds")
    public Map<String, Object> mine(HttpServletRequest request, Caller caller) {
        caller.requireActor();
        PageParams page = QueryParams.of(request).page();
        ListAdsQuery query = new ListAdsQuery(null, null, null, null, null, null, Set.of(caller.actorId()),
                EnumSet.allOf(AdStatus.class), caller.viewer(), Ordering.NEWEST, null, page.page(), page.pageSize());
        return run(query, page, request);
    }

    @GetMapping("/api/adds/following_adds")
    public Map<String, Object> following(HttpServletRequest request, Caller caller) {
        caller.requireActor();
        PageParams page = QueryParams.of(request).page();
        Set<UUID> followed = new HashSet<>(queries.query(new FollowedByQuery(caller.actorId()),
                ResponseTypes.multipleInstancesOf(UUID.class)).join());
        if (followed.isEmpty()) {
            return page.envelope(0, List.of(), request);
        }
        ListAdsQuery query = new ListAdsQuery(null, null, null, null, null, null, followed,
                EnumSet.of(AdStatus.ACTIVE), caller.viewer(), Ordering.NEWEST, null, page.page(), page.pageSize());
        return run(query, page, request);
    }

    @GetMapping("/api/adds/{id}")
    public ResponseEntity<Map<String, Object>> get(@PathVariable String id, Caller caller) {
        UUID addId = PathIds.resolve(id, MarketplaceIds.ADD_TABLE);
        AdView view = queries.query(new FindAdQuery(addId, caller.viewer()), ResponseTypes.optionalInstanceOf(AdView.class))
                .join().orElseThrow(DomainException::notFound);
        // views are counted outside the event store, in a table no replay touches
        long views = AdsTables.countView(jdbc, addId);
        return ResponseEntity.ok().eTag(Versions.etag(view.version())).body(AdRepresentation.of(view.withViews(views)));
    }

    private Map<String, Object> page(HttpServletRequest request, QueryParams in, Near near, Set<UUID> users,
                                     Caller caller) {
        PageParams page = in.page();
        String search = in.search();
        UUID category = in.id("category", MarketplaceIds.CATEGORY_TABLE);
        BigDecimal min = in.decimal("min_price", MAX_PRICE);
        BigDecimal max = in.decimal("max_price", MAX_PRICE);
        AdCondition condition = in.choice("condition", AdCondition::fromWire);
        // nearby shows active ads only (API.md, Marketplace), whatever ?status= says
        AdStatus status = near == null ? in.choice("status", AdStatus::fromWire) : AdStatus.ACTIVE;
        UUID user = in.id("user", UserIds.LEGACY_TABLE);
        String city = in.string("city");
        // DRF's ordering filter ignores a field it does not know
        Ordering ordering = ORDERINGS.getOrDefault(String.valueOf(in.string("ordering")), Ordering.NEWEST);
        in.validate();
        ListAdsQuery query = new ListAdsQuery(search, category, min, max, condition, city,
                user == null ? users : Set.of(user), EnumSet.of(status == null ? AdStatus.ACTIVE : status),
                caller.viewer(), ordering, near, page.page(), page.pageSize());
        return run(query, page, request);
    }

    private Map<String, Object> run(ListAdsQuery query, PageParams page, HttpServletRequest request) {
        AdPage result = queries.query(query, AdPage.class).join();
        return page.envelope(result.count(), result.results().stream().map(AdRepresentation::of).toList(), request);
    }
}
