package co.plaza.identity.query;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.plaza.identity.api.Role;
import co.plaza.identity.api.UserQueries.FindUserQuery;
import co.plaza.identity.api.UserQueries.ListUsersQuery;
import co.plaza.identity.api.UserQueries.UserPage;
import co.plaza.identity.api.UserQueries.UserView;
import co.plaza.platform.elasticsearch.SearchIndexes;
import co.plaza.platform.elasticsearch.TextFolding;
import co.plaza.platform.errors.DomainException;
import co.plaza.identity.projection.UsersSearchProjection;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Users from PostgreSQL; a text search goes through Elasticsearch, then the rows are read from PostgreSQL. */
@Component
public class UserQueryHandler {

    /** Elasticsearch's default result window; deeper pages of a text search are refused with a clear 400. */
    static final int MAX_WINDOW = 10_000;

    private static final RowMapper<UserView> ROW = (rs, n) -> new UserView(rs.getObject("id", UUID.class),
            (Long) rs.getObject("legacy_id"), rs.getString("username"), rs.getString("email"),
            rs.getString("phone_number"), rs.getString("first_name"), rs.getString("last_name"),
            Role.fromWire(rs.getString("role")), rs.getBoolean("is_staff"), rs.getString("profile_picture"),
            rs.getBoolean("is_active"), rs.getTimestamp("date_joined").toInstant(), rs.getLong("version"));

    private final JdbcTemplate jdbc;
    private final ElasticsearchClient search;
    private final SearchIndexes indexes;

    public UserQueryHandler(JdbcTemplate jdbc, ElasticsearchClient search, SearchIndexes indexes) {
        this.jdbc = jdbc;
        this.search = search;
        this.indexes = indexes;
    }

    @QueryHandler
    public Optional<UserView> handle(FindUserQuery query) {
        return jdbc.query("SELECT * FROM user_view WHERE id = ?", ROW, query.userId()).stream().findFirst();
    }

    @QueryHandler
    public UserPage handle(ListUsersQuery query) {
        List<String> words = TextFolding.words(query.search());
        return words.isEmpty() ? fromDatabase(query) : fromSearch(query, words);
    }

    private UserPage fromDatabase(ListUsersQuery query) {
        StringBuilder where = new StringBuilder(" WHERE NOT deleted");
        List<Object> args = new ArrayList<>();
        if (!query.includeInactive()) {
            where.append(" AND is_active");
        }
        if (query.role() != null) {
            where.append(" AND role = ?");
            args.add(query.role().wire());
        }
        Long count = jdbc.queryForObject("SELECT count(*) FROM user_view" + where, Long.class, args.toArray());
        args.add(query.pageSize());
        args.add((long) (query.page() - 1) * query.pageSize());
        List<UserView> rows = jdbc.query("SELECT * FROM user_view" + where
                + " ORDER BY date_joined DESC, id DESC LIMIT ? OFFSET ?", ROW, args.toArray());
        return new UserPage(count == null ? 0 : count, rows);
    }

    private UserPage fromSearch(ListUsersQuery query, List<String> words) {
        int from = (query.page() - 1) * query.pageSize();
        boolean pastWindow = from + query.pageSize() > MAX_WINDOW;
        BoolQuery.Builder bool = new BoolQuery.Builder();
        for (String word : words) {
            String pattern = "*" + TextFolding.escapeWildcard(word) + "*";
            bool.must(m -> m.bool(any -> any
                    .should(s -> s.wildcard(w -> w.field("username_f").value(pattern)))
                    .should(s -> s.wildcard(w -> w.field("first_name_f").value(pattern)))
                    .should(s -> s.wildcard(w -> w.field("last_name_f").value(pattern)))
                    .minimumShouldMatch("1")));
        }
        if (!query.includeInactive()) {
            bool.filter(f -> f.term(t -> t.field("is_active").value(true)));
        }
        if (query.role() != null) {
            bool.filter(f -> f.term(t -> t.field("role").value(query.role().wire())));
        }
        Query q = Query.of(b -> b.bool(bool.build()));
        if (pastWindow) {
            // past the end is DRF's 404 (the envelope says so for an empty page); a real page past the window is a 400
            long total = count(q);
            if (from >= total) {
                return new UserPage(total, List.of());
            }
            throw DomainException.invalid("error.search_window", MAX_WINDOW);
        }
        try {
            SearchResponse<Void> response = search.search(s -> s.index(indexes.alias(UsersSearchProjection.INDEX))
                    .query(q).trackTotalHits(t -> t.enabled(true)).from(from).size(query.pageSize()).source(src -> src.fetch(false))
                    .sort(o -> o.field(f -> f.field("date_joined").order(SortOrder.Desc)))
                    .sort(o -> o.field(f -> f.field("id").order(SortOrder.Desc))), Void.class);
            long total = response.hits().total() == null ? 0 : response.hits().total().value();
            List<UUID> ids = response.hits().hits().stream().map(h -> UUID.fromString(h.id())).toList();
            return new UserPage(total, load(ids));
        } catch (IOException e) {
            throw new UncheckedIOException("user search failed", e);
        }
    }

    private long count(Query q) {
        try {
            var response = search.count(c -> c.index(indexes.alias(UsersSearchProjection.INDEX)).query(q));
            return response.count();
        } catch (IOException e) {
            throw new UncheckedIOException("user count failed", e);
        }
    }

    /** Rows in the order Elasticsearch ranked them. */
    private List<UserView> load(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String marks = String.join(",", java.util.Collections.nCopies(ids.size(), "?"));
        Map<UUID, UserView> byId = jdbc.query("SELECT * FROM user_view WHERE id IN (" + marks + ")", ROW,
                        ids.toArray()).stream()
                .collect(Collectors.toMap(UserView::id, Function.identity()));
        Map<UUID, Integer> rank = new java.util.HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            rank.put(ids.get(i), i);
        }
        return byId.values().stream().sorted(Comparator.comparing(v -> rank.get(v.id()))).toList();
    }
}
