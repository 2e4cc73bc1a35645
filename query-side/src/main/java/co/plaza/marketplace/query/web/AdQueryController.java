package co.plaza.marketplace.query.web;

import co.plaza.common.api.LegacyIds;
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
import co.plaza.identity.api.UserIds;
import co.plaza.platform.security.CurrentUser;
import co.plaza.platform.errors.DomainException;
import co.plaza.platform.web.PageParams;
import co.plaza.platform.web.PathIds;
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
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** API.md, Marketplace: ad lists, nearby, my_adds, following_adds and detail (which counts a view). */
@RestController
public class AdQueryController {

    /** Stands for "nobody": paused ads asked for by an anonymous caller match no owner. */
    private static final UUID NOBODY = new UUID(0, 0);
    /** Elasticsearch's default result window; deeper pages are refused with a 400 naming it. */
    static final int MAX_WINDOW = 10_000;

    private final QueryGateway queries;
    private final JdbcTemplate jdbc;

    public AdQueryController(QueryGateway queries, JdbcTemplate jdbc) {
        this.queries = queries;
        this.jdbc = jdbc;
    }

    @GetMapping("/api/adds")
    public Map<String, Object> list(HttpServletRequest request) {
        return page(request, null, null);
    }

    @GetMapping("/api/adds/nearby")
    public Map<String, Object> nearby(HttpServletRequest request) {
        Filters in = new Filters(request);
        Double lat = in.number("lat", true, -90, 90);
        Double lon = in.number("lon", true, -180, 180);
        Double radius = in.number("radius_km", false, 0, 100);
        if (radius != null && radius == 0) {
            in.error("radius_km", "error.out_of_range");
        }
        in.validate();
        return page(request, new Near(lat, lon, radius == null ? 10 : radius), null);
    }

    @GetMapping("/api/adds/my_adds")
    public Map<String, Object> mine(HttpServletRequest request) {
        CurrentUser caller = CurrentUser.required();
        PageParams page = PageParams.from(request);
        ListAdsQuery query = new ListAdsQuery(null, null, null, null, null, null, Set.of(caller.id()),
                EnumSet.allOf(AdStatus.class), null, Ordering.NEWEST, null, page.page(), page.pageSize());
        return run(query, page, request);
    }

    @GetMapping("/api/adds/following_adds")
    public Map<String, Object> following(HttpServletRequest request) {
        CurrentUser caller = CurrentUser.required();
        PageParams page = PageParams.from(request);
        Set<UUID> followed = new HashSet<>(queries.query(new FollowedByQuery(caller.id()),
                ResponseTypes.multipleInstancesOf(UUID.class)).join());
        if (followed.isEmpty()) {
            return page.envelope(0, List.of(), request);
        }
        ListAdsQuery query = new ListAdsQuery(null, null, null, null, null, null, followed,
                EnumSet.of(AdStatus.ACTIVE), null, Ordering.NEWEST, null, page.page(), page.pageSize());
        return run(query, page, request);
    }

    @GetMapping("/api/adds/{id}")
    public ResponseEntity<Map<String, Object>> get(@PathVariable String id) {
        UUID addId = PathIds.resolve(id, MarketplaceIds.ADD_TABLE);
        AdView view = queries.query(new FindAdQuery(addId, true), ResponseTypes.optionalInstanceOf(AdView.class))
                .join().orElseThrow(DomainException::notFound);
        boolean privileged = CurrentUser.get().map(c -> c.mayChange(view.userId())).orElse(false);
        if (!privileged && (view.status() == AdStatus.PAUSED || !view.ownerActive())) {
            throw DomainException.notFound();
        }
        // views are counted outside the event store, in a table no replay touches
        Long views = jdbc.queryForObject("""
                INSERT INTO add_views (add_id, count) VALUES (?, 1)
                ON CONFLICT (add_id) DO UPDATE SET count = add_views.count + 1 RETURNING count""", Long.class, addId);
        return ResponseEntity.ok().eTag(Versions.etag(view.version()))
                .body(AdRepresentation.of(view.withViews(views == null ? 0 : views)));
    }

    private Map<String, Object> page(HttpServletRequest request, Near near, Set<UUID> users) {
        Filters in = new Filters(request);
        PageParams page = PageParams.from(request);
        String search = request.getParameter("search");
        UUID category = in.id("category", MarketplaceIds.CATEGORY_TABLE);
        BigDecimal min = in.decimal("min_price");
        BigDecimal max = in.decimal("max_price");
        AdCondition condition = in.choice("condition", AdCondition::fromWire);
        AdStatus status = in.choice("status", AdStatus::fromWire);
        UUID user = in.id("user", UserIds.LEGACY_TABLE);
        in.validate();
        Ordering ordering = switch (String.valueOf(request.getParameter("ordering")).strip()) {
            case "price" -> Ordering.PRICE;
            case "-price" -> Ordering.PRICE_DESC;
            case "created_at" -> Ordering.OLDEST;
            default -> Ordering.NEWEST;
        };
        CurrentUser caller = CurrentUser.get().orElse(null);
        UUID pausedOnlyOf = caller == null ? NOBODY : caller.staff() ? null : caller.id();
        ListAdsQuery query = new ListAdsQuery(search, category, min, max, condition, request.getParameter("city"),
                user == null ? users : Set.of(user), EnumSet.of(status == null ? AdStatus.ACTIVE : status),
                pausedOnlyOf, ordering, near, page.page(), page.pageSize());
        return run(query, page, request);
    }

    private Map<String, Object> run(ListAdsQuery query, PageParams page, HttpServletRequest request) {
        if (page.offset() + page.pageSize() > MAX_WINDOW) {
            // past the end of the results is DRF's 404 "Invalid page."; only a page that exists past the
            // window is refused with the 400 naming the limit
            long count = queries.query(query.firstPage(), AdPage.class).join().count();
            if (page.offset() >= count) {
                return page.envelope(count, List.of(), request);
            }
            throw DomainException.invalid("error.search_window", MAX_WINDOW);
        }
        AdPage result = queries.query(query, AdPage.class).join();
        return page.envelope(result.count(),
                result.results().stream().map(v -> AdRepresentation.of(v)).toList(), request);
    }

    /** Query parameters with DRF-style field errors: a bad value is a 400 naming the parameter. */
    private static final class Filters {
        private final HttpServletRequest request;
        private final Map<String, List<String>> errors = new LinkedHashMap<>();

        Filters(HttpServletRequest request) {
            this.request = request;
        }

        private String raw(String name) {
            String value = request.getParameter(name);
            return value == null || value.isBlank() ? null : value.strip();
        }

        void error(String name, String key) {
            errors.computeIfAbsent(name, k -> new ArrayList<>()).add(key);
        }

        void validate() {
            if (!errors.isEmpty()) {
                throw DomainException.fields(errors);
            }
        }

        Double number(String name, boolean required, double min, double max) {
            String value = raw(name);
            if (value == null) {
                if (required) {
                    error(name, "error.required");
                }
                return null;
            }
            try {
                double d = Double.parseDouble(value);
                if (!Double.isFinite(d) || d < min || d > max) {
                    error(name, "error.out_of_range");
                    return null;
                }
                return d;
            } catch (NumberFormatException e) {
                error(name, "error.invalid_type");
                return null;
            }
        }

        BigDecimal decimal(String name) {
            String value = raw(name);
            if (value == null) {
                return null;
            }
            try {
                return new BigDecimal(value);
            } catch (NumberFormatException e) {
                error(name, "error.invalid_type");
                return null;
            }
        }

        <E> E choice(String name, java.util.function.Function<String, E> parser) {
            String value = raw(name);
            if (value == null) {
                return null;
            }
            try {
                return parser.apply(value);
            } catch (IllegalArgumentException e) {
                error(name, "error.invalid_choice");
                return null;
            }
        }

        UUID id(String name, String legacyTable) {
            String value = raw(name);
            if (value == null) {
                return null;
            }
            if (value.matches("\\d{1,18}")) {
                return LegacyIds.of(legacyTable, Long.parseLong(value));
            }
            try {
                return UUID.fromString(value);
            } catch (IllegalArgumentException e) {
                error(name, "error.invalid_id");
                return null;
            }
        }
    }
}
