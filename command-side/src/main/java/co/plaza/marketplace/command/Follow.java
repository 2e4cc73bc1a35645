package co.plaza.marketplace.command;

import co.plaza.marketplace.api.FollowCommands.FollowUserCommand;
import co.plaza.marketplace.api.FollowEvents.UserFollowedEvent;
import co.plaza.marketplace.api.FollowEvents.UserUnfollowedEvent;
import co.plaza.platform.errors.DomainException;
import co.plaza.platform.context.Caller;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** One user following another; the pair is unique through a reservation held by the follow. */
@Aggregate
public class Follow {

    @AggregateIdentifier
    private UUID followId;
    private UUID followerId;
    private UUID followedId;
    private boolean removed;

    protected Follow() {
    }

    Follow(FollowUserCommand c) {
        apply(new UserFollowedEvent(c.followId(), c.followerId(), c.followedId(), c.legacyId(),
                c.createdAt() != null ? c.createdAt() : Instant.now()));
    }

    void unfollow(MetaData metaData) {
        if (removed) {
            throw DomainException.notFound();
        }
        Caller.from(metaData).requireOwnerOrStaff(followerId);
        apply(new UserUnfollowedEvent(followId, followerId, followedId));
    }

    UUID followerId() {
        return followerId;
    }

    UUID followedId() {
        return followedId;
    }

    boolean isRemoved() {
        return removed;
    }

    @EventSourcingHandler
    void on(UserFollowedEvent e) {
        followId = e.followId();
        followerId = e.followerId();
        followedId = e.followedId();
    }

    @EventSourcingHandler
    void on(UserUnfollowedEvent e) {
        removed = true;
    }
}
