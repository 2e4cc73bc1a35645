package co.plaza.identity.projection;

import co.plaza.platform.axon.Projection;
import co.plaza.identity.api.UserEvents.UserDeactivatedEvent;
import co.plaza.identity.api.UserEvents.UserDeletedEvent;
import co.plaza.identity.api.UserEvents.UserDetailsUpdatedEvent;
import co.plaza.identity.api.UserEvents.UserPasswordChangedEvent;
import co.plaza.identity.api.UserEvents.UserReactivatedEvent;
import co.plaza.identity.api.UserEvents.UserRegisteredEvent;
import co.plaza.identity.api.UserEvents.UserRoleChangedEvent;
import co.plaza.media.api.MediaEvents.MediaDeletedEvent;
import co.plaza.media.api.MediaEvents.MediaReattachedEvent;
import co.plaza.media.api.MediaEvents.MediaUploadedEvent;
import co.plaza.media.api.MediaRef;
import co.plaza.media.api.MediaUse;
import co.plaza.media.api.RelatedType;
import co.plaza.identity.readmodel.UsersTable;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.util.UUID;

/**
 * Users as the API shows them. Every event moves {@code version} to its sequence number (the ETag), and a
 * row only moves forward, so a replayed or redelivered event changes nothing. No password hash is kept here.
 */
@Component
@Projection(name = "users-projection")
public class UsersProjection {

    private final JdbcTemplate jdbc;

    public UsersProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(UserRegisteredEvent e, @SequenceNumber long version) {
        jdbc.update("""
                INSERT INTO %s (id, legacy_id, username, email, phone_number, first_name, last_name, role,
                    is_staff, is_active, date_joined, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO NOTHING""".formatted(UsersTable.TABLE),
                e.userId(), e.legacyId(), e.username(), e.email(), e.phoneNumber(), nz(e.firstName()), nz(e.lastName()),
                e.role().wire(), e.staff(), e.active(), Timestamp.from(e.dateJoined()), version);
    }

    @EventHandler
    void on(UserDetailsUpdatedEvent e, @SequenceNumber long version) {
        jdbc.update("""
                UPDATE %s SET username = ?, email = ?, phone_number = ?, first_name = ?, last_name = ?, version = ?
                WHERE id = ? AND version < ?""".formatted(UsersTable.TABLE),
                e.username(), e.email(), e.phoneNumber(), nz(e.firstName()), nz(e.lastName()), version, e.userId(), version);
    }

    @EventHandler
    void on(UserRoleChangedEvent e, @SequenceNumber long version) {
        jdbc.update("UPDATE " + UsersTable.TABLE + " SET role = ?, version = ? WHERE id = ? AND version < ?",
                e.role().wire(), version, e.userId(), version);
    }

    @EventHandler
    void on(UserDeactivatedEvent e, @SequenceNumber long version) {
        jdbc.update("UPDATE " + UsersTable.TABLE + " SET is_active = FALSE, version = ? WHERE id = ? AND version < ?",
                version, e.userId(), version);
    }

    @EventHandler
    void on(UserReactivatedEvent e, @SequenceNumber long version) {
        jdbc.update("UPDATE " + UsersTable.TABLE + " SET is_active = TRUE, version = ? WHERE id = ? AND version < ?",
                version, e.userId(), version);
    }

    /** Only the version moves: the ETag is the aggregate's version, whatever changed. */
    @EventHandler
    void on(UserPasswordChangedEvent e, @SequenceNumber long version) {
        jdbc.update("UPDATE " + UsersTable.TABLE + " SET version = ? WHERE id = ? AND version < ?", version, e.userId(), version);
    }

    @EventHandler
    void on(UserDeletedEvent e, @SequenceNumber long version) {
        jdbc.update("""
                UPDATE %s SET email = NULL, phone_number = NULL, first_name = '', last_name = '',
                    profile_picture = NULL, profile_picture_media = NULL, is_active = FALSE, deleted = TRUE, version = ?
                WHERE id = ? AND version < ?""".formatted(UsersTable.TABLE), version, e.userId(), version);
    }

    // The picture comes from the media domain; it does not move the user's version (the ETag of the user).

    @EventHandler
    void on(MediaUploadedEvent e) {
        if (e.use() == MediaUse.PROFILE_PICTURE && e.relatedType() == RelatedType.USER) {
            picture(e.relatedId(), e.mediaId());
        }
    }

    @EventHandler
    void on(MediaReattachedEvent e) {
        if (e.previousUse() == MediaUse.PROFILE_PICTURE && e.previousType() == RelatedType.USER) {
            noPicture(e.previousId(), e.mediaId());
        }
        if (e.use() == MediaUse.PROFILE_PICTURE && e.relatedType() == RelatedType.USER) {
            picture(e.relatedId(), e.mediaId());
        }
    }

    @EventHandler
    void on(MediaDeletedEvent e) {
        if (e.use() == MediaUse.PROFILE_PICTURE && e.relatedType() == RelatedType.USER) {
            noPicture(e.relatedId(), e.mediaId());
        }
    }

    private void picture(UUID userId, UUID mediaId) {
        jdbc.update("UPDATE " + UsersTable.TABLE + " SET profile_picture = ?, profile_picture_media = ? WHERE id = ? AND NOT deleted",
                MediaRef.pathOf(mediaId), mediaId, userId);
    }

    /** Only if it is still the current picture: a replacement's upload comes before the old one's deletion. */
    private void noPicture(UUID userId, UUID mediaId) {
        jdbc.update("UPDATE " + UsersTable.TABLE + " SET profile_picture = NULL, profile_picture_media = NULL "
                + "WHERE id = ? AND profile_picture_media = ?", userId, mediaId);
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE " + UsersTable.TABLE);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
