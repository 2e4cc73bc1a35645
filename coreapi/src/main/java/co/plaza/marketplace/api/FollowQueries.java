package co.plaza.marketplace.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

public final class FollowQueries {
    private FollowQueries() {
    }

    public record FollowedByQuery(UUID followerId) {
    }

    public record ListFollowsQuery(UUID followerId, int page, int pageSize) {
    }

    public record FindFollowQuery(UUID followId) {
    }

    public record FollowView(UUID id, Long legacyId, UUID followerId, UUID followedId, Instant createdAt) {
    }

    public record FollowPage(long count, List<FollowView> results) {
    }
}
