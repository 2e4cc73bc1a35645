package co.plaza.profile.projection;

import co.plaza.profile.readmodel.ProfilesTable;
import co.plaza.platform.axon.Projection;
import co.plaza.profile.api.ProfileDetails;
import co.plaza.profile.api.ProfileEvents.ProfileAnonymisedEvent;
import co.plaza.profile.api.ProfileEvents.ProfileCreatedEvent;
import co.plaza.profile.api.ProfileEvents.ProfileDeletedEvent;
import co.plaza.profile.api.ProfileEvents.ProfileUpdatedEvent;
import co.plaza.platform.elasticsearch.TextFolding;
import co.plaza.media.api.MediaEvents.MediaDeletedEvent;
import co.plaza.media.api.MediaEvents.MediaReattachedEvent;
import co.plaza.media.api.MediaEvents.MediaReorderedEvent;
import co.plaza.media.api.MediaEvents.MediaUploadedEvent;
import co.plaza.media.api.MediaUse;
import co.plaza.media.api.RelatedType;
import co.plaza.identity.readmodel.UserActivityTracking;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.UUID;

/**
 * Specialist, businessman and consumer profiles. It also follows users' activity, because profiles of
 * deactivated users are hidden (API.md, Profiles).
 */
@Component
@Projection(name = "profiles-projection")
public class ProfilesProjection extends UserActivityTracking {

    /** The stored shape of {@link ProfileDetails}, with its kind tag, read back by the query side. */

    private final JdbcTemplate jdbc;

    public ProfilesProjection(JdbcTemplate jdbc) {
        super(jdbc, ProfilesTable.USER_STATE);
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ProfileCreatedEvent e, @SequenceNumber long version) {
        jdbc.update("""
                INSERT INTO %s (id, kind, legacy_id, user_id, details, search_text, created_at, updated_at, version)
                VALUES (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)
                ON CONFLICT (id) DO NOTHING""".formatted(ProfilesTable.PROFILES),
                e.profileId(), e.kind().name(), e.legacyId(), e.userId(), ProfilesTable.json(e.details()), searchText(e.details()),
                java.sql.Timestamp.from(e.createdAt()), java.sql.Timestamp.from(e.createdAt()), version);
    }

    @EventHandler
    void on(ProfileUpdatedEvent e, @SequenceNumber long version, @Timestamp Instant at) {
        change(e.profileId(), e.details(), version, at);
    }

    @EventHandler
    void on(ProfileAnonymisedEvent e, @SequenceNumber long version, @Timestamp Instant at) {
        change(e.profileId(), e.details(), version, at);
    }

    @EventHandler
    void on(ProfileDeletedEvent e, @SequenceNumber long version) {
        jdbc.update("UPDATE " + ProfilesTable.PROFILES + " SET deleted = TRUE, version = ? WHERE id = ? AND version < ?",
                version, e.profileId(), version);
    }





    // Work images come from the media domain: media related to a specialist profile, kept by order.

    @EventHandler
    void on(MediaUploadedEvent e) {
        if (isWorkImage(e.use(), e.relatedType())) {
            jdbc.update("INSERT INTO " + ProfilesTable.WORK_IMAGES + " (profile_id, media_id, sort_order) VALUES (?, ?, ?) "
                    + "ON CONFLICT (media_id) DO NOTHING", e.relatedId(), e.mediaId(), e.order());
        }
    }

    @EventHandler
    void on(MediaReorderedEvent e) {
        jdbc.update("UPDATE " + ProfilesTable.WORK_IMAGES + " SET sort_order = ? WHERE media_id = ?", e.order(), e.mediaId());
    }

    @EventHandler
    void on(MediaReattachedEvent e) {
        jdbc.update("DELETE FROM " + ProfilesTable.WORK_IMAGES + " WHERE media_id = ?", e.mediaId());
        if (isWorkImage(e.use(), e.relatedType())) {
            jdbc.update("INSERT INTO " + ProfilesTable.WORK_IMAGES + " (profile_id, media_id, sort_order) VALUES (?, ?, ?)",
                    e.relatedId(), e.mediaId(), e.order());
        }
    }

    @EventHandler
    void on(MediaDeletedEvent e) {
        jdbc.update("DELETE FROM " + ProfilesTable.WORK_IMAGES + " WHERE media_id = ?", e.mediaId());
    }

    private static boolean isWorkImage(MediaUse use, RelatedType type) {
        return use == MediaUse.WORK_IMAGE && type == RelatedType.SPECIALIST_PROFILE;
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE " + ProfilesTable.PROFILES + ", " + ProfilesTable.USER_STATE + ", " + ProfilesTable.WORK_IMAGES);
    }

    private void change(UUID profileId, ProfileDetails details, long version, Instant at) {
        jdbc.update("""
                UPDATE %s SET details = ?::jsonb, search_text = ?, updated_at = ?, version = ?
                WHERE id = ? AND version < ?""".formatted(ProfilesTable.PROFILES),
                ProfilesTable.json(details), searchText(details), java.sql.Timestamp.from(at), version, profileId, version);
    }


    /** API.md: profiles are searched in profession, description, city and company_name. */
    static String searchText(ProfileDetails details) {
        String text;
        if (details instanceof ProfileDetails.Specialist s) {
            text = String.join(" ", nz(s.profession()), nz(s.description()), nz(s.city()));
        } else if (details instanceof ProfileDetails.Businessman b) {
            text = String.join(" ", nz(b.companyName()), nz(b.city()));
        } else if (details instanceof ProfileDetails.Consumer c) {
            text = nz(c.city());
        } else {
            text = "";
        }
        return TextFolding.fold(text);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
