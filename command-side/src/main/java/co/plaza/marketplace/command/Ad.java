package co.plaza.marketplace.command;

import co.plaza.common.api.StoredAs;
import co.plaza.marketplace.api.AdCommands.ChangeAdStatusCommand;
import co.plaza.marketplace.api.AdCommands.CreateAdCommand;
import co.plaza.marketplace.api.AdCommands.UpdateAdCommand;
import co.plaza.marketplace.api.AdDetails;
import co.plaza.marketplace.api.AdEvents.AdCreatedEvent;
import co.plaza.marketplace.api.AdEvents.AdDeletedEvent;
import co.plaza.marketplace.api.AdEvents.AdStatusChangedEvent;
import co.plaza.marketplace.api.AdEvents.AdUpdatedEvent;
import co.plaza.marketplace.api.AdStatus;
import co.plaza.platform.axon.AggregateLoading;
import co.plaza.platform.errors.DomainException;
import co.plaza.platform.context.Caller;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** An ad ("add" in the monolith). Deleting it is a soft delete: it stays in the event store. */
// fields are the snapshot's content
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
@StoredAs(value = "marketplace.Ad", formerly = "co.plaza.marketplace.Add")
@Aggregate(cache = AggregateLoading.CACHE, snapshotTriggerDefinition = AggregateLoading.SNAPSHOTS)
public class Ad {

    @AggregateIdentifier
    private UUID addId;
    private UUID userId;
    private AdDetails details;
    private AdStatus status;
    private boolean deleted;

    protected Ad() {
    }

    Ad(CreateAdCommand command) {
        Instant created = command.createdAt() != null ? command.createdAt() : Instant.now();
        apply(new AdCreatedEvent(command.addId(), command.userId(), command.legacyId(), command.details(),
                command.status() != null ? command.status() : AdStatus.ACTIVE, created,
                command.updatedAt() != null ? command.updatedAt() : created));
    }

    /** Returns the category the ad used before, so the handler can move the category's usage. */
    UUID update(UpdateAdCommand command, MetaData metaData) {
        Caller.from(metaData).requireOwnerOrStaff(userId);
        requireLive();
        UUID before = details.categoryId();
        if (!command.details().equals(details)) {
            apply(new AdUpdatedEvent(addId, userId, command.details()));
        }
        return before;
    }

    @CommandHandler
    void handle(ChangeAdStatusCommand command, MetaData metaData) {
        Caller.from(metaData).requireOwnerOrStaff(userId);
        requireLive();
        AdStatus target = command.status();
        if (target == status) {
            return;
        }
        // a sold ad is final: it cannot be paused or put back on sale
        if (status == AdStatus.SOLD) {
            throw DomainException.field("status", "error.add_sold");
        }
        apply(new AdStatusChangedEvent(addId, userId, status, target));
    }

    void delete(MetaData metaData) {
        Caller.from(metaData).requireOwnerOrStaff(userId);
        requireLive();
        apply(new AdDeletedEvent(addId, userId, details.categoryId()));
    }

    private void requireLive() {
        if (deleted) {
            throw DomainException.notFound();
        }
    }

    UUID userId() {
        return userId;
    }

    UUID categoryId() {
        return details.categoryId();
    }

    boolean isDeleted() {
        return deleted;
    }

    @EventSourcingHandler
    void on(AdCreatedEvent event) {
        addId = event.addId();
        userId = event.userId();
        details = event.details();
        status = event.status();
    }

    @EventSourcingHandler
    void on(AdUpdatedEvent event) {
        details = event.details();
    }

    @EventSourcingHandler
    void on(AdStatusChangedEvent event) {
        status = event.status();
    }

    @EventSourcingHandler
    void on(AdDeletedEvent event) {
        deleted = true;
    }
}
