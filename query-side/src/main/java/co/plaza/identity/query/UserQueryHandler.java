package co.plaza.identity.query;

import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.plaza.identity.api.UserQueries.FindUserQuery;
import co.plaza.identity.api.UserQueries.ListUsersQuery;
import co.plaza.identity.api.UserQueries.UserPage;
import co.plaza.identity.api.UserQueries.UserView;
import co.plaza.platform.elasticsearch.SearchIndexes;
import co.plaza.platform.elasticsearch.SearchPages;
import co.plaza.platform.elasticsearch.TextFolding;
import co.plaza.identity.readmodel.UsersIndex;
import co.plaza.identity.readmodel.UsersTable;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Users from PostgreSQL; a text search goes through Elasticsearch, then the rows are read from PostgreSQL. */
@Component
public class UserQueryHandler {

    private final JdbcTemplate jdbc;
    private final SearchIndexes indexes;
    private final SearchPages pages;

    public UserQueryHandler(JdbcTemplate jdbc, SearchIndexes indexes, SearchPages pages) {
        this.jdbc = jdbc;
        this.indexes = indexes;
        this.pages = pages;
    }

    @QueryHandler
    public Optional<UserView> handle(FindUserQuery query) {
        return jdbc.query("SELECT * FROM " + UsersTable.TABLE + " WHERE id = ?", UsersTable.ROW, query.userId()).stream().findFirst();
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
        Long count = jdbc.queryForObject("SELECT count(*) FROM " + UsersTable.TABLE + where, Long.class, args.toArray());
        args.add(query.pageSize());
        args.add((long) (query.page() - 1) * query.pageSize());
        List<UserView> rows = jdbc.query("SELECT * FROM " + UsersTable.TABLE + where
                + " ORDER BY date_joined DESC, id DESC LIMIT ? OFFSET ?", UsersTable.ROW, args.toArray());
        return new UserPage(count == null ? 0 : count, rows);
    }

    private UserPage fromSearch(ListUsersQuery query, List<String> words) {
        BoolQuery.Builder bool = new BoolQuery.Builder();
        for (String word : words) {
            String pattern = "*" + TextFolding.escapeWildcard(word) + "*";
            bool.must(m -> m.bool(any -> {
                for (String field : UsersIndex.SEARCHABLE) {
                    any.should(s -> s.wildcard(w -> w.field(field).value(pattern)));
                }
                return any.minimumShouldMatch("1");
            }));
        }
        if (!query.includeInactive()) {
            bool.filter(f -> f.term(t -> t.field(UsersIndex.ACTIVE).value(true)));
        }
        if (query.role() != null) {
            bool.filter(f -> f.term(t -> t.field(UsersIndex.ROLE).value(query.role().wire())));
        }
        BoolQuery filters = bool.build();
        SearchPages.Page<Void> page = pages.page(s -> s.index(indexes.alias(UsersIndex.INDEX))
                        .query(q -> q.bool(filters)).source(src -> src.fetch(false)),
                // numeric and unique: a keyword tie-breaker would cost most of the query on a large result
                List.of(SortOptions.of(o -> o.field(f -> f.field(UsersIndex.DATE_JOINED).order(SortOrder.Desc))),
                        SortOptions.of(o -> o.field(f -> f.field(UsersIndex.SEQ).order(SortOrder.Desc)))),
                (query.page() - 1L) * query.pageSize(), query.pageSize(), Void.class);
        List<UUID> ids = page.hits().stream().map(h -> UUID.fromString(h.id())).toList();
        return new UserPage(page.total(), load(ids));
    }

    /**
     * Rows in the order Elasticsearch ranked them (the users index holds only what search needs; the rows, with
     * contact data and picture, stay in PostgreSQL); an id the table no longer has is left out.
     */
    private List<UserView> load(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, UserView> byId = jdbc.query("SELECT * FROM " + UsersTable.TABLE + " WHERE id = ANY(?)", UsersTable.ROW,
                        (Object) ids.toArray(new UUID[0])).stream()
                .collect(Collectors.toMap(UserView::id, Function.identity()));
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }
}
