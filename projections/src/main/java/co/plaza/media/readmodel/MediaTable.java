package co.plaza.media.readmodel;

import co.plaza.media.api.MediaQueries.MediaView;
import co.plaza.media.api.MediaType;
import co.plaza.media.api.MediaUse;
import co.plaza.media.api.RelatedType;
import org.springframework.jdbc.core.RowMapper;

import java.util.UUID;

/** The media read model in PostgreSQL (DDL: V3_10): its tables and row mapper, for the projection and the queries. */
public final class MediaTable {

    public static final String MEDIA = "media_view";
    /** Hosts (ads, profiles, users…) that were removed: their media are hidden, including media uploaded later. */
    public static final String REMOVED_HOSTS = "media_removed_host";

    public static final RowMapper<MediaView> ROW = (rs, n) -> new MediaView(rs.getObject("id", UUID.class),
            (Long) rs.getObject("legacy_id"), rs.getString("storage_key"), MediaType.valueOf(rs.getString("media_type")),
            rs.getString("mime_type"), rs.getLong("size_bytes"), rs.getString("content_hash"),
            MediaUse.valueOf(rs.getString("use")),
            rs.getString("related_type") == null ? null : RelatedType.valueOf(rs.getString("related_type")),
            rs.getObject("related_id", UUID.class), rs.getObject("uploaded_by", UUID.class), rs.getInt("sort_order"),
            rs.getTimestamp("created_at").toInstant(), rs.getBoolean("hidden"), rs.getBoolean("blob_missing"));

    private MediaTable() {
    }
}
