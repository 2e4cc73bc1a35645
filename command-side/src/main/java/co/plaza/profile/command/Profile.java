package co.plaza.profile.command;

import co.plaza.common.api.StoredAs;
import co.plaza.profile.api.ProfileCommands.AnonymiseProfileCommand;
import co.plaza.profile.api.ProfileCommands.CreateProfileCommand;
import co.plaza.profile.api.ProfileCommands.UpdateProfileCommand;
import co.plaza.profile.api.ProfileDetails;
import co.plaza.profile.api.ProfileEvents.ProfileAnonymisedEvent;
import co.plaza.profile.api.ProfileEvents.ProfileCreatedEvent;
import co.plaza.profile.api.ProfileEvents.ProfileDeletedEvent;
import co.plaza.profile.api.ProfileEvents.ProfileUpdatedEvent;
import co.plaza.profile.api.ProfileKind;
import co.plaza.platform.errors.DomainException;
import co.plaza.platform.axon.AggregateLoading;
import co.plaza.platform.context.Caller;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A specialist, businessman or consumer profile of one user; the kind never changes. */
// fields are the snapshot's content
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
@StoredAs(value = "profile.Profile", formerly = "co.plaza.profiles.Profile")
@Aggregate(cache = AggregateLoading.CACHE, snapshotTriggerDefinition = AggregateLoading.SNAPSHOTS)
public class Profile {

    @AggregateIdentifier
    private UUID profileId;
    private UUID userId;
    private ProfileKind kind;
    private ProfileDetails details;
    private boolean deleted;

    protected Profile() {
    }

    Profile(CreateProfileCommand command) {
        apply(new ProfileCreatedEvent(command.profileId(), command.userId(), command.details().kind(),
                command.legacyId(), command.details(),
                command.createdAt() != null ? command.createdAt() : Instant.now()));
    }

    @CommandHandler
    void handle(UpdateProfileCommand command, MetaData metaData) {
        Caller.from(metaData).requireOwnerOrStaff(userId);
        requireLive();
        if (command.details().kind() != kind) {
            throw DomainException.invalid("error.invalid_value");
        }
        if (!command.details().equals(details)) {
            apply(new ProfileUpdatedEvent(profileId, userId, kind, command.details()));
        }
    }

    @CommandHandler
    void handle(AnonymiseProfileCommand command, MetaData metaData) {
        Caller.from(metaData).requireOwnerOrStaff(userId);
        if (!deleted) {
            apply(new ProfileAnonymisedEvent(profileId, userId, kind, details.anonymised()));
        }
    }

    void delete(MetaData metaData) {
        Caller.from(metaData).requireOwnerOrStaff(userId);
        requireLive();
        apply(new ProfileDeletedEvent(profileId, userId, kind));
    }

    private void requireLive() {
        if (deleted) {
            throw DomainException.notFound();
        }
    }

    UUID userId() {
        return userId;
    }

    boolean deleted() {
        return deleted;
    }

    ProfileKind kind() {
        return kind;
    }

    @EventSourcingHandler
    void on(ProfileCreatedEvent event) {
        profileId = event.profileId();
        userId = event.userId();
        kind = event.kind();
        details = event.details();
    }

    @EventSourcingHandler
    void on(ProfileUpdatedEvent event) {
        details = event.details();
    }

    @EventSourcingHandler
    void on(ProfileAnonymisedEvent event) {
        details = event.details();
    }

    @EventSourcingHandler
    void on(ProfileDeletedEvent event) {
        deleted = true;
    }
}
