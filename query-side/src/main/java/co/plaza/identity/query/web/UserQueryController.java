package co.plaza.identity.query.web;

import co.plaza.identity.api.Role;
import co.plaza.identity.api.UserIds;
import co.plaza.identity.api.UserQueries.FindUserQuery;
import co.plaza.identity.api.UserQueries.ListUsersQuery;
import co.plaza.identity.api.UserQueries.UserPage;
import co.plaza.identity.api.UserQueries.UserView;
import co.plaza.identity.api.UserRepresentation;
import co.plaza.platform.context.Caller;
import co.plaza.platform.errors.DomainException;
import co.plaza.platform.web.PageParams;
import co.plaza.platform.web.PathIds;
import co.plaza.platform.web.QueryParams;
import co.plaza.platform.web.Versions;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** API.md, Auth: {@code GET users/} and {@code GET users/{id}/}. */
@RestController
public class UserQueryController {

    private final QueryGateway queries;

    public UserQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/api/auth/users")
    public Map<String, Object> list(HttpServletRequest request, Caller caller) {
        caller.requireActor();
        QueryParams in = QueryParams.of(request);
        PageParams page = in.page();
        String search = in.search();
        Role role = in.choice("role", Role::fromWire);
        in.validate();
        ListUsersQuery query = new ListUsersQuery(search, role, caller.staff(), page.page(), page.pageSize());
        UserPage result = queries.query(query, UserPage.class).join();
        return page.envelope(result.count(),
                result.results().stream().map(u -> UserRepresentation.of(u, caller.actorId(), caller.staff())).toList(), request);
    }

    @GetMapping("/api/auth/users/{id}")
    public ResponseEntity<Map<String, Object>> get(@PathVariable String id, Caller caller) {
        caller.requireActor();
        UserView user = queries.query(new FindUserQuery(PathIds.resolve(id, UserIds.LEGACY_TABLE)),
                ResponseTypes.optionalInstanceOf(UserView.class)).join().orElseThrow(DomainException::notFound);
        return ResponseEntity.ok().eTag(Versions.etag(user.version()))
                .body(UserRepresentation.of(user, caller.actorId(), caller.staff()));
    }
}
