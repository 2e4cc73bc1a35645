package co.plaza.profile.api;

import co.plaza.common.api.StoredAs;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

public final class ProfileEvents {
    private ProfileEvents() {
    }

    @StoredAs(value = "profile.ProfileCreated", formerly = "co.plaza.coreapi.profile.ProfileEvents$ProfileCreatedEvent")
    @Revision("1")
    public record ProfileCreatedEvent(UUID profileId, UUID userId, ProfileKind kind, Long legacyId,
                                      ProfileDetails details, Instant createdAt) {
    }

    @StoredAs(value = "profile.ProfileUpdated", formerly = "co.plaza.coreapi.profile.ProfileEvents$ProfileUpdatedEvent")
    @Revision("1")
    public record ProfileUpdatedEvent(UUID profileId, UUID userId, ProfileKind kind, ProfileDetails details) {
    }

    @StoredAs(value = "profile.ProfileAnonymised", formerly = "co.plaza.coreapi.profile.ProfileEvents$ProfileAnonymisedEvent")
    @Revision("1")
    public record ProfileAnonymisedEvent(UUID profileId, UUID userId, ProfileKind kind, ProfileDetails details) {
    }

    @StoredAs(value = "profile.ProfileDeleted", formerly = "co.plaza.coreapi.profile.ProfileEvents$ProfileDeletedEvent")
    @Revision("1")
    public record ProfileDeletedEvent(UUID profileId, UUID userId, ProfileKind kind) {
    }
}
