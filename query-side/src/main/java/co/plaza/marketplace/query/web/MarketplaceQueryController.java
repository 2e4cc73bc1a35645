package co.plaza.marketplace.query.web;

import co.plaza.platform.web.QueryParams;
import co.plaza.marketplace.api.CategoryQueries.CategoryPage;
import co.plaza.marketplace.api.CategoryQueries.CategoryView;
import co.plaza.marketplace.api.CategoryQueries.FindCategoryQuery;
import co.plaza.marketplace.api.FollowQueries.FollowPage;
import co.plaza.marketplace.api.CategoryQueries.ListCategoriesQuery;
import co.plaza.marketplace.api.FollowQueries.ListFollowsQuery;
import co.plaza.marketplace.api.AdRepresentation;
import co.plaza.marketplace.api.MarketplaceIds;
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

/** API.md, Marketplace: categories (public) and the caller's follows. */
@RestController
public class MarketplaceQueryController {

    private final QueryGateway queries;

    public MarketplaceQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/api/categories")
    public Map<String, Object> categories(HttpServletRequest request) {
        PageParams page = QueryParams.of(request).page();
        CategoryPage result = queries.query(new ListCategoriesQuery(page.page(), page.pageSize()), CategoryPage.class).join();
        return page.envelope(result.count(), result.results().stream().map(AdRepresentation::of).toList(), request);
    }

    @GetMapping("/api/categories/{id}")
    public Map<String, Object> category(@PathVariable String id) {
        return AdRepresentation.of(queries.query(new FindCategoryQuery(PathIds.resolve(id, MarketplaceIds.CATEGORY_TABLE)),
                ResponseTypes.optionalInstanceOf(CategoryView.class)).join().orElseThrow(DomainException::notFound));
    }

    @GetMapping("/api/follows")
    public Map<String, Object> follows(HttpServletRequest request, Caller caller) {
        caller.requireActor();
        PageParams page = QueryParams.of(request).page();
        FollowPage result = queries.query(new ListFollowsQuery(caller.actorId(), page.page(), page.pageSize()),
                FollowPage.class).join();
        return page.envelope(result.count(), result.results().stream().map(AdRepresentation::of).toList(), request);
    }
}
