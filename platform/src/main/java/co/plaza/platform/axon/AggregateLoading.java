package co.plaza.platform.axon;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How aggregates are loaded: a long-lived aggregate (a much-edited profile) must not replay its whole history
 * on every command. Aggregates name these beans in {@code @Aggregate(cache = ..., snapshotTriggerDefinition = ...)}.
 */
@Configuration
public class AggregateLoading {

    public static final String CACHE = "aggregateCache";
    public static final String SNAPSHOTS = "aggregateSnapshotTrigger";

    /**
     * Keeps recently used aggregates in memory while they are referenced. A stale entry on another node can only
     * cause a concurrency failure at append (409), never a lost event: the store still checks the sequence.
     */
    @Bean(CACHE)
    public Cache aggregateCache() {
        return new WeakReferenceCache();
    }

    /** A snapshot every {@code plaza.aggregates.snapshot-every} events bounds the replay on a cold load. */
    @Bean(SNAPSHOTS)
    public SnapshotTriggerDefinition aggregateSnapshotTrigger(Snapshotter snapshotter,
                                                              @Value("${plaza.aggregates.snapshot-every:100}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }
}
