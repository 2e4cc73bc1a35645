package co.plaza.coreapi.marketplace;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;
import java.util.UUID;

public final class AddCommands {
    private AddCommands() {
    }

    /**
     * {@code legacyId}, {@code status} and the timestamps are null for a new ad and the monolith's values for an
     * imported one (null status means active).
     */
    public record CreateAddCommand(@TargetAggregateIdentifier UUID addId, UUID userId, Long legacyId, AddDetails details,
                                   AddStatus status, Instant createdAt, Instant updatedAt) {
    }

    public record UpdateAddCommand(@TargetAggregateIdentifier UUID addId, @TargetAggregateVersion Long expectedVersion,
                                   AddDetails details) {
    }

    /** Pause, resume, or mark sold. */
    public record ChangeAddStatusCommand(@TargetAggregateIdentifier UUID addId,
                                         @TargetAggregateVersion Long expectedVersion, AddStatus status) {
    }

    public record DeleteAddCommand(@TargetAggregateIdentifier UUID addId, @TargetAggregateVersion Long expectedVersion) {
    }

    public record CreateCategoryCommand(@TargetAggregateIdentifier UUID categoryId, Long legacyId, String name,
                                        String slug, String description, UUID parentId) {
    }

    public record UpdateCategoryCommand(@TargetAggregateIdentifier UUID categoryId, String name, String slug,
                                        String description, UUID parentId) {
    }

    public record DeleteCategoryCommand(@TargetAggregateIdentifier UUID categoryId) {
    }

    /** {@code createdAt} null for a new follow, the monolith's timestamp for an imported one. */
    public record FollowUserCommand(@TargetAggregateIdentifier UUID followId, UUID followerId, UUID followedId,
                                    Long legacyId, Instant createdAt) {
    }

    public record UnfollowCommand(@TargetAggregateIdentifier UUID followId) {
    }
}
