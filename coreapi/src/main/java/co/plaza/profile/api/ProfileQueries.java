package co.plaza.profile.api;

import co.plaza.common.api.Viewer;
import co.plaza.media.api.MediaRef;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

public final class ProfileQueries {
    private ProfileQueries() {
    }

    /** A profile as {@code viewer} may see it ({@link ProfileView#visibleTo}); empty when not. */
    public record FindProfileQuery(ProfileKind kind, UUID profileId, Viewer viewer) {
    }

    /** A user's profile of a kind as {@code viewer} may see it; empty when not. */
    public record FindProfileByUserQuery(ProfileKind kind, UUID userId, Viewer viewer) {
    }

    public record ListProfilesQuery(ProfileKind kind, String search, String city, int page, int pageSize) {
    }

    public record ProfileView(UUID id, Long legacyId, UUID userId, ProfileKind kind, ProfileDetails details,
                              List<MediaRef> workImages, Instant createdAt, Instant updatedAt, long version) {

        /**
         * Specialists and businessmen are public; a consumer profile is personal (address, preferences) and seen by
         * its user and admins only: to anyone else it does not exist (a 404, also to a change).
         */
        public boolean visibleTo(Viewer viewer) {
            return kind != ProfileKind.CONSUMER || viewer.ownsOrAdministers(userId);
        }
    }

    public record ProfilePage(long count, List<ProfileView> results) {
    }
}
