package co.plaza.profile.command;

import co.plaza.platform.axon.Policy;
import co.plaza.profile.api.ProfileCommands.AnonymiseProfileCommand;
import co.plaza.profile.api.ProfileKind;
import co.plaza.identity.api.UserEvents.UserDeletedEvent;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

import java.util.concurrent.TimeUnit;

/** When a user is deleted, each of their profiles is anonymised too (API.md, Auth: DELETE of a user). */
@Component
@Policy(name = "profile-policies")
@DisallowReplay
public class UserDeletionPolicy {

    private final ProfileDirectory directory;
    private final CommandGateway commands;

    public UserDeletionPolicy(ProfileDirectory directory, CommandGateway commands) {
        this.directory = directory;
        this.commands = commands;
    }

    @EventHandler
    void on(UserDeletedEvent event) {
        for (ProfileKind kind : ProfileKind.values()) {
            directory.profileOf(event.userId(), kind).ifPresent(profileId ->
                    commands.sendAndWait(new AnonymiseProfileCommand(profileId), 30, TimeUnit.SECONDS));
        }
    }
}
