package co.plaza.coreapi.profile;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

public final class ProfileEvents {
    private ProfileEvents() {
    }

    @Revision("1")
    public record ProfileCreatedEvent(UUID profileId, UUID userId, ProfileKind kind, Long legacyId,
                                      ProfileDetails details, Instant createdAt) {
    }

    @Revision("1")
    public record ProfileUpdatedEvent(UUID profileId, UUID userId, ProfileKind kind, ProfileDetails details) {
    }

    @Revision("1")
    public record ProfileAnonymisedEvent(UUID profileId, UUID userId, ProfileKind kind, ProfileDetails details) {
    }

    @Revision("1")
    public record ProfileDeletedEvent(UUID profileId, UUID userId, ProfileKind kind) {
    }
}
