package co.plaza.marketplace.command.web;

import co.plaza.marketplace.api.FollowCommands.FollowUserCommand;
import co.plaza.marketplace.api.FollowCommands.UnfollowCommand;
import co.plaza.marketplace.api.FollowQueries.FindFollowQuery;
import co.plaza.marketplace.api.FollowQueries.FollowView;
import co.plaza.marketplace.api.AdRepresentation;
import co.plaza.marketplace.api.MarketplaceIds;
import co.plaza.identity.api.UserIds;
import co.plaza.marketplace.command.MarketplaceCommandHandler.FollowResult;
import co.plaza.platform.context.Caller;
import co.plaza.platform.errors.DomainException;
import co.plaza.platform.web.JsonInput;
import co.plaza.platform.web.PathIds;
import co.plaza.platform.web.WriteAnswers;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;
import java.util.UUID;

/** Follows (API.md, Marketplace): 201 new, 200 with the existing follow if already followed. */
@RestController
public class FollowController {

    private final CommandGateway commands;
    private final WriteAnswers answers;

    public FollowController(CommandGateway commands, WriteAnswers answers) {
        this.commands = commands;
        this.answers = answers;
    }

    @PostMapping("/api/follows")
    public ResponseEntity<Map<String, Object>> follow(@RequestBody(required = false) JsonNode body, Caller caller,
                                                      HttpServletResponse response) {
        UUID actor = caller.requireActor();
        JsonInput in = JsonInput.of(body, false);
        String raw = in.idText("followed", true).map(String::strip).orElse(null);
        in.validate();
        UUID followed;
        try {
            followed = PathIds.resolve(raw, UserIds.LEGACY_TABLE);
        } catch (DomainException e) {
            throw DomainException.field("followed", "error.invalid_id");
        }
        FollowResult result = commands.sendAndWait(new FollowUserCommand(UUID.randomUUID(), actor, followed,
                null, null), caller.metaData());
        return answers.answer(result.created() ? HttpStatus.CREATED : HttpStatus.OK, caller,
                new FindFollowQuery(result.followId()), FollowView.class, AdRepresentation::of, response);
    }

    @DeleteMapping("/api/follows/{id}")
    public ResponseEntity<Void> unfollow(@PathVariable String id, Caller caller) {
        caller.requireActor();
        UUID followId = PathIds.resolve(id, MarketplaceIds.FOLLOW_TABLE);
        try {
            commands.sendAndWait(new UnfollowCommand(followId), caller.metaData());
        } catch (RuntimeException e) {
            // another user's follow is not theirs to see: a 404 like an unknown one
            if (DomainException.isKind(e, DomainException.Kind.FORBIDDEN)) {
                throw DomainException.notFound();
            }
            throw e;
        }
        return ResponseEntity.noContent().build();
    }
}
