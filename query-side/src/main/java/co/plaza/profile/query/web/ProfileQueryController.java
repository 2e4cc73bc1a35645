package co.plaza.profile.query.web;

import co.plaza.platform.web.QueryParams;
import co.plaza.profile.api.ProfileKind;
import co.plaza.profile.api.ProfileQueries.FindProfileByUserQuery;
import co.plaza.profile.api.ProfileQueries.FindProfileQuery;
import co.plaza.profile.api.ProfileQueries.ListProfilesQuery;
import co.plaza.profile.api.ProfileQueries.ProfilePage;
import co.plaza.profile.api.ProfileQueries.ProfileView;
import co.plaza.profile.api.ProfileRepresentation;
import co.plaza.identity.api.UserIds;
import co.plaza.platform.context.Caller;
import co.plaza.platform.errors.DomainException;
import co.plaza.platform.web.PageParams;
import co.plaza.platform.web.PathIds;
import co.plaza.platform.web.Versions;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;
import java.util.UUID;

/**
 * API.md, Profiles: lists, detail and by-user. Specialists and businessmen are public; consumer profiles are
 * personal (address, preferences) and shown only to their user and to admins.
 */
@RestController
public class ProfileQueryController {

    private final QueryGateway queries;

    public ProfileQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/api/profiles/{kinds:" + ProfileKind.PATH_SEGMENTS + "}")
    public Map<String, Object> list(@PathVariable String kinds, HttpServletRequest request, Caller caller) {
        ProfileKind kind = kindOf(kinds);
        QueryParams in = QueryParams.of(request);
        PageParams page = in.page();
        String search = in.search();
        String city = in.string("city");
        in.validate();
        if (kind == ProfileKind.CONSUMER) {
            caller.requireActor();
            if (!caller.staff()) {
                // a consumer sees only their own consumer profile
                var own = queries.query(new FindProfileByUserQuery(kind, caller.actorId(), caller.viewer()),
                        ResponseTypes.optionalInstanceOf(ProfileView.class)).join();
                return page.envelope(own.isPresent() ? 1 : 0,
                        own.stream().filter(p -> page.page() == 1).map(ProfileRepresentation::of).toList(), request);
            }
        }
        ProfilePage result = queries.query(new ListProfilesQuery(kind, search, city, page.page(), page.pageSize()),
                ProfilePage.class).join();
        return page.envelope(result.count(), result.results().stream().map(ProfileRepresentation::of).toList(), request);
    }

    @GetMapping("/api/profiles/{kinds:" + ProfileKind.PATH_SEGMENTS + "}/{id}")
    public ResponseEntity<Map<String, Object>> get(@PathVariable String kinds, @PathVariable String id,
                                                   Caller caller) {
        ProfileKind kind = kindOf(kinds);
        UUID profileId = PathIds.resolve(id, kind.legacyTable());
        ProfileView view = queries.query(new FindProfileQuery(kind, profileId, caller.viewer()),
                ResponseTypes.optionalInstanceOf(ProfileView.class)).join().orElseThrow(DomainException::notFound);
        return ResponseEntity.ok().eTag(Versions.etag(view.version())).body(ProfileRepresentation.of(view));
    }

    @GetMapping("/api/profiles/{kinds:" + ProfileKind.PATH_SEGMENTS + "}/by-user/{userId}")
    public ResponseEntity<Map<String, Object>> byUser(@PathVariable String kinds, @PathVariable String userId,
                                                      Caller caller) {
        ProfileKind kind = kindOf(kinds);
        ProfileView view = queries.query(new FindProfileByUserQuery(kind, PathIds.resolve(userId, UserIds.LEGACY_TABLE),
                caller.viewer()), ResponseTypes.optionalInstanceOf(ProfileView.class)).join().orElseThrow(DomainException::notFound);
        return ResponseEntity.ok().eTag(Versions.etag(view.version())).body(ProfileRepresentation.of(view));
    }

    private static ProfileKind kindOf(String segment) {
        return ProfileKind.fromPathSegment(segment).orElseThrow(DomainException::notFound);
    }
}
