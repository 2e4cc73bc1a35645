package co.plaza.media.query;

import co.plaza.media.readmodel.MediaTable;
import co.plaza.media.api.MediaQueries.FindMediaQuery;
import co.plaza.media.api.MediaQueries.ListMediaQuery;
import co.plaza.media.api.MediaQueries.MediaPage;
import co.plaza.media.api.MediaQueries.MediaView;
import co.plaza.media.api.MediaUse;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Media readers may see: deleted media and media of removed hosts are gone. */
@Component
public class MediaQueryHandler {

    private static final String VISIBLE = " FROM " + MediaTable.MEDIA + " WHERE NOT deleted AND NOT hidden";

    /** The stored names of the public uses, as MediaUse decides them. */
    private static final String PUBLIC_USES = Arrays.stream(MediaUse.values()).filter(MediaUse::isPublic)
            .map(u -> "'" + u.name() + "'").collect(Collectors.joining(", "));

    private final JdbcTemplate jdbc;

    public MediaQueryHandler(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public Optional<MediaView> handle(FindMediaQuery query) {
        return jdbc.query("SELECT *" + VISIBLE + " AND id = ?", MediaTable.ROW, query.mediaId()).stream().findFirst();
    }

    /** A host's media by order; without a host, one uploader's media, newest first. */
    @QueryHandler
    public MediaPage handle(ListMediaQuery query) {
        StringBuilder where = new StringBuilder(VISIBLE);
        List<Object> args = new ArrayList<>();
        String order;
        if (query.relatedType() != null || query.relatedId() != null) {
            if (query.relatedType() != null) {
                where.append(" AND related_type = ?");
                args.add(query.relatedType().name());
            }
            if (query.relatedId() != null) {
                where.append(" AND related_id = ?");
                args.add(query.relatedId());
            }
            order = " ORDER BY sort_order, created_at, id";
        } else {
            order = " ORDER BY created_at DESC, id DESC";
        }
        if (query.uploadedBy() != null) {
            where.append(" AND uploaded_by = ?");
            args.add(query.uploadedBy());
        }
        if (query.privateVisibleTo() != null) {
            where.append(" AND (use IN (" + PUBLIC_USES + ") OR uploaded_by = ?)");
            args.add(query.privateVisibleTo());
        }
        Long count = jdbc.queryForObject("SELECT count(*)" + where, Long.class, args.toArray());
        args.add(query.pageSize());
        args.add((long) (query.page() - 1) * query.pageSize());
        List<MediaView> rows = jdbc.query("SELECT *" + where + order + " LIMIT ? OFFSET ?", MediaTable.ROW, args.toArray());
        return new MediaPage(count == null ? 0 : count, rows);
    }
}
