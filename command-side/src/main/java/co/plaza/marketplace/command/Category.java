package co.plaza.marketplace.command;

import co.plaza.common.api.StoredAs;
import co.plaza.marketplace.api.CategoryCommands.CreateCategoryCommand;
import co.plaza.marketplace.api.CategoryCommands.UpdateCategoryCommand;
import co.plaza.marketplace.api.CategoryEvents.CategoryCreatedEvent;
import co.plaza.marketplace.api.CategoryEvents.CategoryDeletedEvent;
import co.plaza.marketplace.api.CategoryEvents.CategoryUpdatedEvent;
import co.plaza.marketplace.api.CategoryEvents.CategoryUsageChangedEvent;
import co.plaza.platform.axon.AggregateLoading;
import co.plaza.platform.errors.DomainException;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.Objects;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An ad category. It counts what uses it (live ads, child categories), so a category in use cannot be deleted;
 * the count is moved by the handlers of those objects in the same unit of work.
 */
// fields are the snapshot's content
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
@StoredAs(value = "marketplace.Category", formerly = "co.plaza.marketplace.Category")
@Aggregate(cache = AggregateLoading.CACHE, snapshotTriggerDefinition = AggregateLoading.SNAPSHOTS)
public class Category {

    public static final String IN_USE = "error.category_in_use";

    @AggregateIdentifier
    private UUID categoryId;
    private String name;
    private String slug;
    private UUID parentId;
    private long uses;
    private boolean deleted;

    protected Category() {
    }

    Category(CreateCategoryCommand c) {
        apply(new CategoryCreatedEvent(c.categoryId(), c.legacyId(), c.name(), c.slug(), c.description(), c.parentId()));
    }

    void update(UpdateCategoryCommand c) {
        requireLive();
        apply(new CategoryUpdatedEvent(categoryId, c.name(), c.slug(), c.description(), c.parentId()));
    }

    void delete() {
        requireLive();
        if (uses > 0) {
            throw DomainException.conflict(IN_USE);
        }
        apply(new CategoryDeletedEvent(categoryId));
    }

    /** One more (or one less) ad or child uses this category; {@code actor} is who caused it. */
    void use(UUID actor, boolean used) {
        if (used) {
            requireLive();
        }
        apply(new CategoryUsageChangedEvent(categoryId, actor, used));
    }

    private void requireLive() {
        if (deleted) {
            throw DomainException.notFound();
        }
    }

    boolean isDeleted() {
        return deleted;
    }

    String name() {
        return name;
    }

    String slug() {
        return slug;
    }

    UUID parentId() {
        return parentId;
    }

    boolean hasParent(UUID candidate) {
        return Objects.equals(parentId, candidate);
    }

    @EventSourcingHandler
    void on(CategoryCreatedEvent e) {
        categoryId = e.categoryId();
        name = e.name();
        slug = e.slug();
        parentId = e.parentId();
    }

    @EventSourcingHandler
    void on(CategoryUpdatedEvent e) {
        name = e.name();
        slug = e.slug();
        parentId = e.parentId();
    }

    @EventSourcingHandler
    void on(CategoryUsageChangedEvent e) {
        uses += e.used() ? 1 : -1;
    }

    @EventSourcingHandler
    void on(CategoryDeletedEvent e) {
        deleted = true;
    }
}
