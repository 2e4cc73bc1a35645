package co.plaza.marketplace.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

public final class CategoryCommands {
    private CategoryCommands() {
    }

    public record CreateCategoryCommand(@TargetAggregateIdentifier UUID categoryId, Long legacyId, String name,
                                        String slug, String description, UUID parentId) {
    }

    public record UpdateCategoryCommand(@TargetAggregateIdentifier UUID categoryId, String name, String slug,
                                        String description, UUID parentId) {
    }

    public record DeleteCategoryCommand(@TargetAggregateIdentifier UUID categoryId) {
    }
}
