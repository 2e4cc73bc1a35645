package co.plaza.identity.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

public final class UserQueries {
    private UserQueries() {
    }

    public record FindUserQuery(UUID userId) {
    }

    public record ListUsersQuery(String search, Role role, boolean includeInactive, int page, int pageSize) {
    }

    /** A user as the read side keeps it; who may see email/phone is decided at the edge. */
    public record UserView(UUID id, Long legacyId, String username, String email, String phoneNumber,
                           String firstName, String lastName, Role role, boolean staff, String profilePicture,
                           boolean active, Instant dateJoined, long version) {
    }

    public record UserPage(long count, List<UserView> results) {
    }
}
