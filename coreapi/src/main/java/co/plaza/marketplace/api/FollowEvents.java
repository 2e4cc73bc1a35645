package co.plaza.marketplace.api;

import co.plaza.common.api.StoredAs;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

public final class FollowEvents {
    private FollowEvents() {
    }

    @StoredAs(value = "marketplace.UserFollowed", formerly = "co.plaza.coreapi.marketplace.AddEvents$UserFollowedEvent")
    @Revision("1")
    public record UserFollowedEvent(UUID followId, UUID followerId, UUID followedId, Long legacyId, Instant createdAt) {
    }

    @StoredAs(value = "marketplace.UserUnfollowed", formerly = "co.plaza.coreapi.marketplace.AddEvents$UserUnfollowedEvent")
    @Revision("1")
    public record UserUnfollowedEvent(UUID followId, UUID followerId, UUID followedId) {
    }
}
