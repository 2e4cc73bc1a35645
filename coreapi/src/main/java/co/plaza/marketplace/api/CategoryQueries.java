package co.plaza.marketplace.api;

import java.util.List;
import java.util.UUID;

public final class CategoryQueries {
    private CategoryQueries() {
    }

    public record FindCategoryQuery(UUID categoryId) {
    }

    public record CategoryView(UUID id, Long legacyId, String name, String slug, String description, UUID parentId) {
    }

    public record CategoryPage(long count, List<CategoryView> results) {
    }

    public record ListCategoriesQuery(int page, int pageSize) {
    }
}
