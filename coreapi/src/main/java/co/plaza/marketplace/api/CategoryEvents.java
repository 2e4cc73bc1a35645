package co.plaza.marketplace.api;

import co.plaza.common.api.StoredAs;
import org.axonframework.serialization.Revision;

import java.util.UUID;

public final class CategoryEvents {
    private CategoryEvents() {
    }

    @StoredAs(value = "marketplace.CategoryCreated", formerly = "co.plaza.coreapi.marketplace.AddEvents$CategoryCreatedEvent")
    @Revision("1")
    public record CategoryCreatedEvent(UUID categoryId, Long legacyId, String name, String slug, String description,
                                       UUID parentId) {
    }

    @StoredAs(value = "marketplace.CategoryUpdated", formerly = "co.plaza.coreapi.marketplace.AddEvents$CategoryUpdatedEvent")
    @Revision("1")
    public record CategoryUpdatedEvent(UUID categoryId, String name, String slug, String description, UUID parentId) {
    }

    @StoredAs(value = "marketplace.CategoryDeleted", formerly = "co.plaza.coreapi.marketplace.AddEvents$CategoryDeletedEvent")
    @Revision("1")
    public record CategoryDeletedEvent(UUID categoryId) {
    }

    /** A category counts the live ads and child categories that use it, so deleting one in use is refused. */
    @StoredAs(value = "marketplace.CategoryUsageChanged", formerly = "co.plaza.coreapi.marketplace.AddEvents$CategoryUsageChangedEvent")
    @Revision("1")
    public record CategoryUsageChangedEvent(UUID categoryId, UUID userId, boolean used) {
    }
}
