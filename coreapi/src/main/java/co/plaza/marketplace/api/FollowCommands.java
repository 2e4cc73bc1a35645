package co.plaza.marketplace.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

public final class FollowCommands {
    private FollowCommands() {
    }

    /** {@code createdAt} null for a new follow, the monolith's timestamp for an imported one. */
    public record FollowUserCommand(@TargetAggregateIdentifier UUID followId, UUID followerId, UUID followedId,
                                    Long legacyId, Instant createdAt) {
    }

    public record UnfollowCommand(@TargetAggregateIdentifier UUID followId) {
    }
}
