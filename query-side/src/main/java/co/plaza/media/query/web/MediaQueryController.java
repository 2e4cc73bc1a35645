package co.plaza.media.query.web;

import co.plaza.platform.web.QueryParams;
import co.plaza.media.api.MediaQueries.FindMediaQuery;
import co.plaza.media.api.MediaQueries.ListMediaQuery;
import co.plaza.media.api.MediaQueries.MediaPage;
import co.plaza.media.api.MediaQueries.MediaView;
import co.plaza.media.api.MediaRepresentation;
import co.plaza.media.api.RelatedType;
import co.plaza.media.web.MediaLinks;
import co.plaza.media.web.RelatedIds;
import co.plaza.platform.context.Caller;
import co.plaza.platform.errors.DomainException;
import co.plaza.platform.web.PageParams;
import co.plaza.platform.web.PathIds;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;
import java.util.UUID;

/**
 * API.md, Media: the list (by relation, or the caller's own uploads) and one media. Media that are not public
 * (chat attachments, generic files) are listed and shown to their uploader and admins only
 * ({@code MediaView.visibleTo}); chat rooms hand attachments to participants as signed URLs in messages.
 */
@RestController
public class MediaQueryController {

    private final QueryGateway queries;
    private final MediaLinks links;

    public MediaQueryController(QueryGateway queries, MediaLinks links) {
        this.queries = queries;
        this.links = links;
    }

    @GetMapping("/api/media")
    public Map<String, Object> list(HttpServletRequest request, Caller caller) {
        caller.requireActor();
        QueryParams in = QueryParams.of(request);
        PageParams page = in.page();
        RelatedType relatedType = in.choice("related_type", wire -> RelatedType.fromWire(wire)
                .orElseThrow(IllegalArgumentException::new));
        UUID relatedId = in.id("related_id", relatedType == null ? null : relatedType.legacyTable());
        in.validate();
        boolean filtered = relatedType != null || relatedId != null;
        MediaPage result = queries.query(new ListMediaQuery(relatedType, relatedId, filtered ? null : caller.actorId(),
                caller.staff() ? null : caller.actorId(), page.page(), page.pageSize()), MediaPage.class).join();
        return page.envelope(result.count(), result.results().stream()
                .map(m -> MediaRepresentation.of(m, links.urlOf(m))).toList(), request);
    }

    @GetMapping("/api/media/{id}")
    public Map<String, Object> get(@PathVariable String id, Caller caller) {
        caller.requireActor();
        MediaView view = queries.query(new FindMediaQuery(PathIds.resolve(id, RelatedType.MEDIA_LEGACY_TABLE)),
                ResponseTypes.optionalInstanceOf(MediaView.class)).join().orElseThrow(DomainException::notFound);
        if (!view.visibleTo(caller.viewer())) {
            throw DomainException.notFound();
        }
        return MediaRepresentation.of(view, links.urlOf(view));
    }

}
