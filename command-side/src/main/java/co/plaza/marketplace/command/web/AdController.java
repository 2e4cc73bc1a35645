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
import co.plaza.platform.consistency.ConsistentQueries;
import co.plaza.platform.consistency.ConsistentReads;
import co.plaza.platform.security.CurrentUser;
import co.plaza.platform.errors.DomainException;
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
public class AdController {

    private final CommandGateway commands;
    private final ConsistentQueries queries;
    private final ConsistentReads reads;

    public AdController(CommandGateway commands, ConsistentQueries queries, ConsistentReads reads) {
        this.commands = commands;
        this.queries = queries;
        this.reads = reads;
    }

    @PostMapping("/api/adds")
    public ResponseEntity<Map<String, Object>> create(@RequestBody(required = false) JsonNode body,
                                                      HttpServletResponse response) {
        CurrentUser caller = CurrentUser.required();
        AdDetails details = AdInput.read(JsonInput.of(body, false), AdInput.DEFAULTS);
        UUID addId = UUID.randomUUID();
        commands.sendAndWait(new CreateAdCommand(addId, caller.id(), null, details, null, null, null),
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
        AdView current = current(rawId, response);
        caller.requireOwnerOrStaff(current.userId());
        AdStatus status = in.choice("status", false, AdStatus::fromWire).orElse(null);
        if (status == AdStatus.SOLD) {
            // selling has its own action (mark_sold) so clients cannot skip it
            in.error("status", "error.invalid_choice");
        }
        AdDetails details = AdInput.read(in, current.details());
        Long expected = Versions.expected(ifMatch);
        if (!details.equals(current.details())) {
            commands.sendAndWait(new UpdateAdCommand(current.id(), expected, details), RequestMetadata.current());
            expected = null;
        }
        if (status != null && status != current.status()) {
            commands.sendAndWait(new ChangeAdStatusCommand(current.id(), expected, status), RequestMetadata.current());
        } else if (expected != null && expected != current.version()) {
            // nothing to change, but a stale If-Match is still a 409 (API.md, Conventions)
            commands.sendAndWait(new UpdateAdCommand(current.id(), expected, details), RequestMetadata.current());
        }
        return respond(HttpStatus.OK, current.id(), response);
    }

    @PostMapping("/api/adds/{id}/mark_sold")
    public ResponseEntity<Map<String, Object>> markSold(@PathVariable String id,
                                                        @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                                        HttpServletResponse response) {
        CurrentUser caller = CurrentUser.required();
        AdView current = current(id, response);
        caller.requireOwnerOrStaff(current.userId());
        commands.sendAndWait(new ChangeAdStatusCommand(current.id(), Versions.expected(ifMatch), AdStatus.SOLD),
                RequestMetadata.current());
        return respond(HttpStatus.OK, current.id(), response);
    }

    @DeleteMapping("/api/adds/{id}")
    public ResponseEntity<Void> delete(@PathVariable String id,
                                       @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                       HttpServletResponse response) {
        CurrentUser caller = CurrentUser.required();
        AdView current = current(id, response);
        caller.requireOwnerOrStaff(current.userId());
        commands.sendAndWait(new DeleteAdCommand(current.id(), Versions.expected(ifMatch)), RequestMetadata.current());
        return ResponseEntity.noContent().build();
    }

    private AdView current(String rawId, HttpServletResponse response) {
        UUID addId = PathIds.resolve(rawId, MarketplaceIds.ADD_TABLE);
        reads.awaitOwnWrite(response);
        return find(addId);
    }

    private ResponseEntity<Map<String, Object>> respond(HttpStatus status, UUID addId, HttpServletResponse response) {
        reads.awaitOwnWrite(response);
        AdView view = find(addId);
        return ResponseEntity.status(status).eTag(Versions.etag(view.version()))
                .body(AdRepresentation.of(view));
    }

    private AdView find(UUID addId) {
        UUID reader = CurrentUser.required().id();
        // the owner and admins still reach ads hidden because their owner was deactivated
        return queries.createdBy(reader, new FindAdQuery(addId, true), AdView.class)
                .orElseThrow(DomainException::notFound);
    }
}
