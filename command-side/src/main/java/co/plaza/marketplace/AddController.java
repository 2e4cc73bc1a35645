package co.plaza.marketplace;

import co.plaza.coreapi.marketplace.AddCommands.ChangeAddStatusCommand;
import co.plaza.coreapi.marketplace.AddCommands.CreateAddCommand;
import co.plaza.coreapi.marketplace.AddCommands.DeleteAddCommand;
import co.plaza.coreapi.marketplace.AddCommands.UpdateAddCommand;
import co.plaza.coreapi.marketplace.AddDetails;
import co.plaza.coreapi.marketplace.AddQueries.AddView;
import co.plaza.coreapi.marketplace.AddQueries.FindAddQuery;
import co.plaza.coreapi.marketplace.AddRepresentation;
import co.plaza.coreapi.marketplace.AddStatus;
import co.plaza.coreapi.marketplace.MarketplaceIds;
import co.plaza.platform.consistency.ConsistentQueries;
import co.plaza.platform.consistency.ConsistentReads;
import co.plaza.platform.security.CurrentUser;
import co.plaza.platform.web.ApiException;
import co.plaza.platform.web.JsonInput;
import co.plaza.platform.web.PathIds;
import co.plaza.platform.web.RequestMetadata;
import co.plaza.platform.web.Versions;
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
public class AddController {

    private final CommandGateway commands;
    private final ConsistentQueries queries;
    private final ConsistentReads reads;

    public AddController(CommandGateway commands, ConsistentQueries queries, ConsistentReads reads) {
        this.commands = commands;
        this.queries = queries;
        this.reads = reads;
    }

    @PostMapping("/api/adds")
    public ResponseEntity<Map<String, Object>> create(@RequestBody(required = false) JsonNode body,
                                                      HttpServletResponse response) {
        CurrentUser caller = CurrentUser.required();
        AddDetails details = AddInput.read(JsonInput.of(body, false), AddInput.DEFAULTS);
        UUID addId = UUID.randomUUID();
        commands.sendAndWait(new CreateAddCommand(addId, caller.id(), null, details, null, null, null),
                RequestMetadata.current());
        return respond(HttpStatus.CREATED, addId, response);
    }

    @PutMapping("/api/adds/{id}")
    public ResponseEntity<Map<String, Object>> put(@PathVariable String id, @RequestBody(required = false) JsonNode body,
                                                   @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                                   HttpServletResponse response) {
        return update(id, JsonInput.of(body, false), ifMatch, response);
    }

    @PatchMapping("/api/adds/{id}")
    public ResponseEntity<Map<String, Object>> patch(@PathVariable String id,
                                                     @RequestBody(required = false) JsonNode body,
                                                     @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                                     HttpServletResponse response) {
        return update(id, JsonInput.of(body, true), ifMatch, response);
    }

    /** PUT takes the whole ad (title and condition required); PATCH also switches {@code status} active↔paused. */
    private ResponseEntity<Map<String, Object>> update(String rawId, JsonInput in, String ifMatch,
                                                       HttpServletResponse response) {
        CurrentUser caller = CurrentUser.required();
        AddView current = current(rawId, response);
        caller.requireOwnerOrStaff(current.userId());
        AddStatus status = in.choice("status", false, AddStatus::fromWire).orElse(null);
        if (status == AddStatus.SOLD) {
            // selling has its own action (mark_sold) so clients cannot skip it
            in.error("status", "error.invalid_choice");
        }
        AddDetails details = AddInput.read(in, current.details());
        Long expected = Versions.expected(ifMatch);
        if (!details.equals(current.details())) {
            commands.sendAndWait(new UpdateAddCommand(current.id(), expected, details), RequestMetadata.current());
            expected = null;
        }
        if (status != null && status != current.status()) {
            commands.sendAndWait(new ChangeAddStatusCommand(current.id(), expected, status), RequestMetadata.current());
        } else if (expected != null && expected != current.version()) {
            // nothing to change, but a stale If-Match is still a 409 (API.md, Conventions)
            commands.sendAndWait(new UpdateAddCommand(current.id(), expected, details), RequestMetadata.current());
        }
        return respond(HttpStatus.OK, current.id(), response);
    }

    @PostMapping("/api/adds/{id}/mark_sold")
    public ResponseEntity<Map<String, Object>> markSold(@PathVariable String id,
                                                        @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                                        HttpServletResponse response) {
        CurrentUser caller = CurrentUser.required();
        AddView current = current(id, response);
        caller.requireOwnerOrStaff(current.userId());
        commands.sendAndWait(new ChangeAddStatusCommand(current.id(), Versions.expected(ifMatch), AddStatus.SOLD),
                RequestMetadata.current());
        return respond(HttpStatus.OK, current.id(), response);
    }

    @DeleteMapping("/api/adds/{id}")
    public ResponseEntity<Void> delete(@PathVariable String id,
                                       @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                       HttpServletResponse response) {
        CurrentUser caller = CurrentUser.required();
        AddView current = current(id, response);
        caller.requireOwnerOrStaff(current.userId());
        commands.sendAndWait(new DeleteAddCommand(current.id(), Versions.expected(ifMatch)), RequestMetadata.current());
        return ResponseEntity.noContent().build();
    }

    private AddView current(String rawId, HttpServletResponse response) {
        UUID addId = PathIds.resolve(rawId, MarketplaceIds.ADD_TABLE);
        reads.awaitOwnWrite(response);
        return find(addId);
    }

    private ResponseEntity<Map<String, Object>> respond(HttpStatus status, UUID addId, HttpServletResponse response) {
        reads.awaitOwnWrite(response);
        AddView view = find(addId);
        return ResponseEntity.status(status).eTag(Versions.etag(view.version()))
                .body(AddRepresentation.of(view));
    }

    private AddView find(UUID addId) {
        UUID reader = CurrentUser.required().id();
        // the owner and admins still reach ads hidden because their owner was deactivated
        return queries.createdBy(reader, new FindAddQuery(addId, true), AddView.class)
                .orElseThrow(ApiException::notFound);
    }
}
