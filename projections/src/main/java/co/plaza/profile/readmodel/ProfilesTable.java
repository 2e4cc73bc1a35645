package co.plaza.profile.readmodel;

import co.plaza.profile.api.ProfileDetails;
import co.plaza.profile.api.ProfileKind;
import co.plaza.profile.api.ProfileQueries.ProfileView;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.RowMapper;

import java.util.List;
import java.util.UUID;

/**
 * The profiles read model in PostgreSQL (DDL: V3_00): its tables, the JSON form of a profile's details and the row
 * mapper, for the projection and the queries.
 */
public final class ProfilesTable {

    public static final String PROFILES = "profile_view";
    /** Users' active state as the profiles projection saw it: a deactivated user's profile is hidden. */
    public static final String USER_STATE = "profile_user_state";
    public static final String WORK_IMAGES = "profile_work_image";

    /** The details column is the event's own JSON form of {@link ProfileDetails}. */
    public static final ObjectMapper DETAILS = co.plaza.platform.axon.AxonStoreConfiguration.eventObjectMapper();

    /** A profile row without its work images. */
    public static final RowMapper<ProfileView> ROW = (rs, n) -> new ProfileView(rs.getObject("id", UUID.class),
            (Long) rs.getObject("legacy_id"), rs.getObject("user_id", UUID.class), ProfileKind.valueOf(rs.getString("kind")),
            details(rs.getString("details"), rs.getString("id")), List.of(), rs.getTimestamp("created_at").toInstant(),
            rs.getTimestamp("updated_at").toInstant(), rs.getLong("version"));

    private ProfilesTable() {
    }

    public static String json(ProfileDetails details) {
        try {
            return DETAILS.writerFor(ProfileDetails.class).writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ProfileDetails details(String json, String id) {
        try {
            return DETAILS.readValue(json, ProfileDetails.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable profile " + id, e);
        }
    }
}
