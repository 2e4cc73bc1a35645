package co.plaza.marketplace.command.web;

import co.plaza.marketplace.api.AdCommands.ChangeAdStatusCommand;
import co.plaza.marketplace.api.AdCommands.CreateAdCommand;
import co.plaza.marketplace.api.AdCommands.DeleteAdCommand;
import co.plaza.marketplace.api.AdCommands.UpdateAdCommand;
import co.plaza.marketplace.api.AdDetails;
import co.plaza.marketplace.api.AdQueries.AdView;
import co.plaza.marketplace.api.AdQueries.FindAdQuery;
import co.plaza.marketplace.api.AdRepresentation;
import co.plaza.marketplace.api.AdStatus;
import co.plaza.marketplace.api.MarketplaceIds;
import co.plaza.platform.context.Caller;
import co.plaza.platform.web.JsonInput;
import co.plaza.platform.web.PathIds;
import co.plaza.platform.web.Versions;
import co.plaza.platform.web.WriteAnswers;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;
import java.util.UUID;

/** Changes to ads (API.md, Marketplace); reads are served by the query side. */
@RestController
public class AdController {

    private final CommandGateway commands;
    private final WriteAnswers answers;

    public AdController(CommandGateway commands, WriteAnswers answers) {
        this.commands = commands;
        this.answers = answers;
    }

    @PostMapping("/api/adds")
    public ResponseEntity<Map<String, Object>> create(@RequestBody(required = false) JsonNode body, Caller caller,
                                                      HttpServletResponse response) {
        UUID actor = caller.requireActor();
        AdDetails details = AdInput.read(JsonInput.of(body, false), AdInput.DEFAULTS);
        UUID addId = UUID.randomUUID();
        commands.sendAndWait(new CreateAdCommand(addId, actor, null, details, null, null, null), caller.metaData());
        return respond(HttpStatus.CREATED, caller, addId, response);
    }

    @PutMapping("/api/adds/{id}")
    public ResponseEntity<Map<String, Object>> put(@PathVariable String id, @RequestBody(required = false) JsonNode body,
                                                   @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                                   Caller caller, HttpServletResponse response) {
        return update(id, JsonInput.of(body, false), ifMatch, caller, response);
    }

    @PatchMapping("/api/adds/{id}")
    public ResponseEntity<Map<String, Object>> patch(@PathVariable String id,
                                                     @RequestBody(required = false) JsonNode body,
                                                     @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                                     Caller caller, HttpServletResponse response) {
        return update(id, JsonInput.of(body, true), ifMatch, caller, response);
    }

    /** PUT takes the whole ad (title and condition required); PATCH also switches {@code status} active↔paused. */
    private ResponseEntity<Map<String, Object>> update(String rawId, JsonInput in, String ifMatch, Caller caller,
                                                       HttpServletResponse response) {
        caller.requireActor();
        AdView current = current(rawId, caller, response);
        caller.requireOwnerOrStaff(current.userId());
        AdStatus status = in.choice("status", false, AdStatus::fromWire).orElse(null);
        if (status == AdStatus.SOLD && current.status() != AdStatus.SOLD) {
            // selling has its own action (mark_sold) so clients cannot skip it; a sold ad's own body may come back
            in.error("status", "error.invalid_choice");
        }
        AdDetails details = AdInput.read(in, current.details());
        Long expected = Versions.expected(ifMatch);
        if (!details.equals(current.details())) {
            commands.sendAndWait(new UpdateAdCommand(current.id(), expected, details), caller.metaData());
            expected = null;
        }
        if (status != null && status != current.status()) {
            commands.sendAndWait(new ChangeAdStatusCommand(current.id(), expected, status), caller.metaData());
        } else if (expected != null && expected != current.version()) {
            // nothing to change, but a stale If-Match is still a 409 (API.md, Conventions)
            commands.sendAndWait(new UpdateAdCommand(current.id(), expected, details), caller.metaData());
        }
        return respond(HttpStatus.OK, caller, current.id(), response);
    }

    @PostMapping("/api/adds/{id}/mark_sold")
    public ResponseEntity<Map<String, Object>> markSold(@PathVariable String id,
                                                        @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                                        Caller caller, HttpServletResponse response) {
        caller.requireActor();
        AdView current = current(id, caller, response);
        caller.requireOwnerOrStaff(current.userId());
        commands.sendAndWait(new ChangeAdStatusCommand(current.id(), Versions.expected(ifMatch), AdStatus.SOLD),
                caller.metaData());
        return respond(HttpStatus.OK, caller, current.id(), response);
    }

    @DeleteMapping("/api/adds/{id}")
    public ResponseEntity<Void> delete(@PathVariable String id,
                                       @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                       Caller caller, HttpServletResponse response) {
        caller.requireActor();
        AdView current = current(id, caller, response);
        caller.requireOwnerOrStaff(current.userId());
        commands.sendAndWait(new DeleteAdCommand(current.id(), Versions.expected(ifMatch)), caller.metaData());
        return ResponseEntity.noContent().build();
    }

    private AdView current(String rawId, Caller caller, HttpServletResponse response) {
        UUID addId = PathIds.resolve(rawId, MarketplaceIds.ADD_TABLE);
        return answers.read(caller, find(addId, caller), AdView.class, response);
    }

    private ResponseEntity<Map<String, Object>> respond(HttpStatus status, Caller caller, UUID addId,
                                                        HttpServletResponse response) {
        return answers.answer(status, caller, find(addId, caller), AdView.class, AdView::version, AdRepresentation::of,
                response);
    }

    /**
     * The ad as the caller may see it: one they may not see (another's paused ad, a deleted one) is a 404 to a
     * change too; one they see but do not own is a 403 (requireOwnerOrStaff).
     */
    private static FindAdQuery find(UUID addId, Caller caller) {
        return new FindAdQuery(addId, caller.viewer());
    }
}
