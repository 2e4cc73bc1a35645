package co.plaza.profile.query;

import co.plaza.profile.readmodel.ProfilesTable;
import co.plaza.profile.api.ProfileKind;
import co.plaza.profile.api.ProfileQueries.FindProfileByUserQuery;
import co.plaza.profile.api.ProfileQueries.FindProfileQuery;
import co.plaza.profile.api.ProfileQueries.ListProfilesQuery;
import co.plaza.profile.api.ProfileQueries.ProfilePage;
import co.plaza.profile.api.ProfileQueries.ProfileView;
import co.plaza.platform.elasticsearch.TextFolding;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import co.plaza.media.api.MediaRef;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Profiles of active users only: a deactivated user's profile is a 404 (API.md, Profiles). */
@Component
public class ProfileQueryHandler {

    private static final String VISIBLE = """
            FROM %s p LEFT JOIN %s s ON s.user_id = p.user_id
            WHERE NOT p.deleted AND COALESCE(s.active, TRUE) AND p.kind = ?""".formatted(ProfilesTable.PROFILES, ProfilesTable.USER_STATE);

    private final JdbcTemplate jdbc;

    public ProfileQueryHandler(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public Optional<ProfileView> handle(FindProfileQuery query) {
        return withWorkImages(jdbc.query("SELECT p.* " + VISIBLE + " AND p.id = ?", ProfilesTable.ROW, query.kind().name(),
                query.profileId())).stream().filter(p -> p.visibleTo(query.viewer())).findFirst();
    }

    @QueryHandler
    public Optional<ProfileView> handle(FindProfileByUserQuery query) {
        return withWorkImages(jdbc.query("SELECT p.* " + VISIBLE + " AND p.user_id = ? ORDER BY p.created_at LIMIT 1",
                ProfilesTable.ROW, query.kind().name(), query.userId())).stream().filter(p -> p.visibleTo(query.viewer()))
                .findFirst();
    }

    /** {@code search}: every word, in any searchable field, ignoring case and accents, like DRF's icontains. */
    @QueryHandler
    public ProfilePage handle(ListProfilesQuery query) {
        StringBuilder sql = new StringBuilder(VISIBLE);
        List<Object> args = new ArrayList<>();
        args.add(query.kind().name());
        for (String word : TextFolding.words(query.search())) {
            sql.append(" AND p.search_text LIKE ?");
            args.add("%" + likeEscape(word) + "%");
        }
        if (query.city() != null && !query.city().isBlank()) {
            sql.append(" AND p.search_text LIKE ?");
            args.add("%" + likeEscape(TextFolding.fold(query.city())) + "%");
        }
        Long count = jdbc.queryForObject("SELECT count(*) " + sql, Long.class, args.toArray());
        args.add(query.pageSize());
        args.add((long) (query.page() - 1) * query.pageSize());
        List<ProfileView> rows = jdbc.query("SELECT p.* " + sql + " ORDER BY p.created_at DESC, p.id DESC LIMIT ? OFFSET ?",
                ProfilesTable.ROW, args.toArray());
        return new ProfilePage(count == null ? 0 : count, withWorkImages(rows));
    }

    /** Specialists' work images, by order, in one query for a whole page. */
    private List<ProfileView> withWorkImages(List<ProfileView> views) {
        List<UUID> specialists = views.stream().filter(v -> v.kind() == ProfileKind.SPECIALIST).map(ProfileView::id)
                .toList();
        if (specialists.isEmpty()) {
            return views;
        }
        Map<UUID, List<MediaRef>> images = new HashMap<>();
        jdbc.query("SELECT profile_id, media_id, sort_order FROM " + ProfilesTable.WORK_IMAGES + " WHERE profile_id = ANY(?) "
                        + "ORDER BY sort_order, media_id",
                rs -> {
                    UUID mediaId = rs.getObject("media_id", UUID.class);
                    images.computeIfAbsent(rs.getObject("profile_id", UUID.class), k -> new ArrayList<>())
                            .add(new MediaRef(mediaId, MediaRef.pathOf(mediaId), rs.getInt("sort_order")));
                }, (Object) specialists.toArray(new UUID[0]));
        return views.stream().map(v -> new ProfileView(v.id(), v.legacyId(), v.userId(), v.kind(), v.details(),
                images.getOrDefault(v.id(), List.of()), v.createdAt(), v.updatedAt(), v.version())).toList();
    }

    private static String likeEscape(String word) {
        return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
