package co.plaza.marketplace;

import co.plaza.coreapi.marketplace.AddCommands.ChangeAddStatusCommand;
import co.plaza.coreapi.marketplace.AddCommands.CreateAddCommand;
import co.plaza.coreapi.marketplace.AddCommands.UpdateAddCommand;
import co.plaza.coreapi.marketplace.AddDetails;
import co.plaza.coreapi.marketplace.AddEvents.AddCreatedEvent;
import co.plaza.coreapi.marketplace.AddEvents.AddDeletedEvent;
import co.plaza.coreapi.marketplace.AddEvents.AddStatusChangedEvent;
import co.plaza.coreapi.marketplace.AddEvents.AddUpdatedEvent;
import co.plaza.coreapi.marketplace.AddStatus;
import co.plaza.platform.axon.AggregateLoading;
import co.plaza.platform.web.ApiException;
import co.plaza.platform.web.RequestMetadata;
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
@Aggregate(cache = AggregateLoading.CACHE, snapshotTriggerDefinition = AggregateLoading.SNAPSHOTS)
public class Add {

    @AggregateIdentifier
    private UUID addId;
    private UUID userId;
    private AddDetails details;
    private AddStatus status;
    private boolean deleted;

    protected Add() {
    }

    Add(CreateAddCommand command) {
        Instant created = command.createdAt() != null ? command.createdAt() : Instant.now();
        apply(new AddCreatedEvent(command.addId(), command.userId(), command.legacyId(), command.details(),
                command.status() != null ? command.status() : AddStatus.ACTIVE, created,
                command.updatedAt() != null ? command.updatedAt() : created));
    }

    /** Returns the category the ad used before, so the handler can move the category's usage. */
    UUID update(UpdateAddCommand command, MetaData metaData) {
        RequestMetadata.requireOwnerOrStaff(metaData, userId);
        requireLive();
        UUID before = details.categoryId();
        if (!command.details().equals(details)) {
            apply(new AddUpdatedEvent(addId, userId, command.details()));
        }
        return before;
    }

    @CommandHandler
    void handle(ChangeAddStatusCommand command, MetaData metaData) {
        RequestMetadata.requireOwnerOrStaff(metaData, userId);
        requireLive();
        AddStatus target = command.status();
        if (target == status) {
            return;
        }
        // a sold ad is final: it cannot be paused or put back on sale
        if (status == AddStatus.SOLD) {
            throw ApiException.field("status", "error.add_sold");
        }
        apply(new AddStatusChangedEvent(addId, userId, status, target));
    }

    void delete(MetaData metaData) {
        RequestMetadata.requireOwnerOrStaff(metaData, userId);
        requireLive();
        apply(new AddDeletedEvent(addId, userId, details.categoryId()));
    }

    private void requireLive() {
        if (deleted) {
            throw ApiException.notFound();
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
    void on(AddCreatedEvent event) {
        addId = event.addId();
        userId = event.userId();
        details = event.details();
        status = event.status();
    }

    @EventSourcingHandler
    void on(AddUpdatedEvent event) {
        details = event.details();
    }

    @EventSourcingHandler
    void on(AddStatusChangedEvent event) {
        status = event.status();
    }

    @EventSourcingHandler
    void on(AddDeletedEvent event) {
        deleted = true;
    }
}
