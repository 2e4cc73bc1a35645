package co.plaza.marketplace.command;

import co.plaza.platform.axon.Policy;
import co.plaza.marketplace.api.AdCommands.DeleteAdCommand;
import co.plaza.marketplace.api.FollowCommands.UnfollowCommand;
import co.plaza.marketplace.api.AdQueries.AdsOfUserQuery;
import co.plaza.marketplace.api.FollowQueries.FollowsOfUserQuery;
import co.plaza.identity.api.UserEvents.UserDeletedEvent;
import co.plaza.platform.web.ApiException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * When a user is deleted, their ads are deleted and their follows, both ways, removed (API.md, Auth: DELETE of a
 * user). The ads and follows are found in the marketplace read model; one already gone is skipped.
 */
@Component
@Policy(name = "marketplace-policies")
@DisallowReplay
public class MarketplaceUserDeletionPolicy {

    private final QueryGateway queries;
    private final CommandGateway commands;

    public MarketplaceUserDeletionPolicy(QueryGateway queries, CommandGateway commands) {
        this.queries = queries;
        this.commands = commands;
    }

    @EventHandler
    void on(UserDeletedEvent event) {
        for (UUID addId : ids(new AdsOfUserQuery(event.userId()))) {
            quietly(() -> commands.sendAndWait(new DeleteAdCommand(addId, null), 30, TimeUnit.SECONDS));
        }
        for (UUID followId : ids(new FollowsOfUserQuery(event.userId()))) {
            quietly(() -> commands.sendAndWait(new UnfollowCommand(followId), 30, TimeUnit.SECONDS));
        }
    }

    private List<UUID> ids(Object query) {
        return queries.query(query, ResponseTypes.multipleInstancesOf(UUID.class)).join();
    }

    /** Deleted meanwhile by its owner: nothing left to do. */
    private static void quietly(Runnable command) {
        try {
            command.run();
        } catch (RuntimeException e) {
            if (!ApiException.find(e).map(a -> a.status() == HttpStatus.NOT_FOUND).orElse(false)) {
                throw e;
            }
        }
    }
}
