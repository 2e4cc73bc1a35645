package co.plaza.profile.api;

import co.plaza.media.api.MediaRef;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

public final class ProfileQueries {
    private ProfileQueries() {
    }

    public record FindProfileQuery(ProfileKind kind, UUID profileId) {
    }

    public record FindProfileByUserQuery(ProfileKind kind, UUID userId) {
    }

    public record ListProfilesQuery(ProfileKind kind, String search, String city, int page, int pageSize) {
    }

    public record ProfileView(UUID id, Long legacyId, UUID userId, ProfileKind kind, ProfileDetails details,
                              List<MediaRef> workImages, Instant createdAt, Instant updatedAt, long version) {
    }

    public record ProfilePage(long count, List<ProfileView> results) {
    }
}
