package co.plaza.profile.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;
import java.util.UUID;

public final class ProfileCommands {
    private ProfileCommands() {
    }

    /** {@code createdAt} is null for a new profile and the monolith's timestamp for an imported one. */
    public record CreateProfileCommand(@TargetAggregateIdentifier UUID profileId, UUID userId, Long legacyId,
                                       ProfileDetails details, Instant createdAt) {
    }

    public record UpdateProfileCommand(@TargetAggregateIdentifier UUID profileId, @TargetAggregateVersion Long expectedVersion,
                                       ProfileDetails details) {
    }

    public record DeleteProfileCommand(@TargetAggregateIdentifier UUID profileId, @TargetAggregateVersion Long expectedVersion) {
    }

    public record AnonymiseProfileCommand(@TargetAggregateIdentifier UUID profileId) {
    }
}
