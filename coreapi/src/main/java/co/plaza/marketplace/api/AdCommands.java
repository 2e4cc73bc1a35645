package co.plaza.marketplace.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;
import java.util.UUID;

public final class AdCommands {
    private AdCommands() {
    }


    /**
     * {@code legacyId}, {@code status} and the timestamps are null for a new ad and the monolith's values for an
     * imported one (null status means active).
     */
    public record CreateAdCommand(@TargetAggregateIdentifier UUID addId, UUID userId, Long legacyId, AdDetails details,
                                   AdStatus status, Instant createdAt, Instant updatedAt) {
    }

    public record UpdateAdCommand(@TargetAggregateIdentifier UUID addId, @TargetAggregateVersion Long expectedVersion,
                                   AdDetails details) {
    }

    /** Pause, resume, or mark sold. */
    public record ChangeAdStatusCommand(@TargetAggregateIdentifier UUID addId,
                                         @TargetAggregateVersion Long expectedVersion, AdStatus status) {
    }

    public record DeleteAdCommand(@TargetAggregateIdentifier UUID addId, @TargetAggregateVersion Long expectedVersion) {
    }
}
