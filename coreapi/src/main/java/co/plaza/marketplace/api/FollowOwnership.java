package co.plaza.marketplace.api;

import co.plaza.common.api.Ownership;
import co.plaza.marketplace.api.FollowCommands.UnfollowCommand;
import co.plaza.marketplace.api.FollowEvents.UserFollowedEvent;
import co.plaza.marketplace.api.FollowEvents.UserUnfollowedEvent;

import java.util.List;

/** A follow belongs to both its users: deleting either removes it. */
public final class FollowOwnership extends Ownership {
    public FollowOwnership() {
        super("marketplace.Follow", UnfollowCommand::new);
        ownedByAll(UserFollowedEvent.class, UserFollowedEvent::followId, e -> List.of(e.followerId(), e.followedId()));
        removedBy(UserUnfollowedEvent.class, UserUnfollowedEvent::followId);
    }
}
