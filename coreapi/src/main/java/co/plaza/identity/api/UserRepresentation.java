package co.plaza.identity.api;

import co.plaza.media.api.MediaRef;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** A user as API.md shows it; {@code email} and {@code phone_number} only to the user and to admins. */
public final class UserRepresentation {
    private UserRepresentation() {
    }

    public static Map<String, Object> of(UserQueries.UserView user, UUID viewerId, boolean viewerIsStaff) {
        boolean privileged = viewerIsStaff || user.id().equals(viewerId);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", user.id());
        json.put("legacy_id", user.legacyId());
        json.put("username", user.username());
        if (privileged) {
            json.put("email", user.email() == null ? "" : user.email());
            json.put("phone_number", user.phoneNumber());
        }
        json.put("first_name", nz(user.firstName()));
        json.put("last_name", nz(user.lastName()));
        json.put("role", user.role().wire());
        json.put("is_staff", user.staff());
        json.put("profile_picture", MediaRef.absolute(user.profilePicture()));
        json.put("is_active", user.active());
        json.put("date_joined", user.dateJoined());
        return json;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
