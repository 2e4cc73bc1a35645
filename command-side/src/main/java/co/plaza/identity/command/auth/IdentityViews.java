package co.plaza.identity.command.auth;

import co.plaza.identity.api.UserQueries.FindUserQuery;
import co.plaza.identity.api.UserQueries.UserView;
import co.plaza.identity.api.UserRepresentation;
import co.plaza.platform.consistency.ConsistentQueries;
import co.plaza.platform.consistency.ConsistentReads;
import co.plaza.platform.security.CurrentUser;
import co.plaza.platform.errors.DomainException;
import co.plaza.platform.web.Versions;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A write answers with the object "as the read side will show it": wait for the actor's write to reach the
 * read side (bounded), then ask the query side for the view.
 */
@Component
public class IdentityViews {

    private final ConsistentQueries queries;
    private final ConsistentReads reads;

    public IdentityViews(ConsistentQueries queries, ConsistentReads reads) {
        this.queries = queries;
        this.reads = reads;
    }

    public Optional<UserView> userAfterWriteBy(UUID actor, UUID userId, HttpServletResponse response) {
        reads.awaitWriteOf(actor, response);
        return queries.createdBy(actor, new FindUserQuery(userId), UserView.class);
    }

    /** The user as {@code viewer} may see it, with its ETag. */
    public ResponseEntity<Map<String, Object>> respond(HttpStatus status, UUID actor, UUID userId, UUID viewer,
                                                      boolean viewerStaff, HttpServletResponse response) {
        UserView view = userAfterWriteBy(actor, userId, response).orElseThrow(DomainException::notFound);
        return ResponseEntity.status(status).eTag(Versions.etag(view.version()))
                .body(UserRepresentation.of(view, viewer, viewerStaff));
    }

    public ResponseEntity<Map<String, Object>> respondToCaller(HttpStatus status, UUID userId, HttpServletResponse response) {
        CurrentUser caller = CurrentUser.required();
        return respond(status, caller.id(), userId, caller.id(), caller.staff(), response);
    }
}
