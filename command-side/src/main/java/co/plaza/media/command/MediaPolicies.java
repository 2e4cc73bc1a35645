package co.plaza.media.command;

import co.plaza.platform.axon.Policy;
import co.plaza.media.api.MediaCommands.DeleteMediaCommand;
import co.plaza.media.api.RelatedType;
import co.plaza.identity.api.UserEvents.UserDeletedEvent;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

import java.util.UUID;
import java.util.concurrent.TimeUnit;

/** Deleting (anonymising) a user deletes their profile picture, blob included (API.md, Auth: DELETE of a user). */
@Component
@Policy(name = "media-policies")
@DisallowReplay
public class MediaPolicies {

    private final MediaRegistry registry;
    private final CommandGateway commands;

    public MediaPolicies(MediaRegistry registry, CommandGateway commands) {
        this.registry = registry;
        this.commands = commands;
    }

    @EventHandler
    void on(UserDeletedEvent event) {
        for (UUID mediaId : registry.liveOnHost(RelatedType.USER, event.userId())) {
            commands.sendAndWait(new DeleteMediaCommand(mediaId), 30, TimeUnit.SECONDS);
        }
    }
}
