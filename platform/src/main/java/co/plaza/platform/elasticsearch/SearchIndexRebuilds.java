package co.plaza.platform.elasticsearch;

import co.plaza.platform.axon.TokenPositions;
import co.plaza.platform.axon.ProcessorDeclarations;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Fills a bumped search index version from the event store in the background, then switches to it:
 * <ol>
 * <li>a second processor, {@code <projection>@<index>}, runs the declaring projection's own handlers from the
 *     start of the event store with their writes to the alias redirected into the new index, in large batches,
 *     while the live processor keeps the old index (still behind the alias) up to date;</li>
 * <li>once it has caught up, the live processor is stopped at a position {@code p}, the rebuild runs to
 *     {@code p} (at most a batch or two), the alias moves to the new index in one atomic step, the rebuild
 *     processor's tokens are deleted and the live processor resumes from {@code p}, now writing into the new
 *     index; the old index is dropped a few seconds later, once searches started on it are done.</li>
 * </ol>
 * Stopping the live processor for the switch is what keeps it correct: its read-modify-write updates must never
 * read the new index before the rebuild has written every earlier event. Replayed writes carry the events'
 * positions as versions, so the events both processors handle change nothing the second time.
 * The projection must write only to its search indexes (a rebuild runs all its handlers). One node of a
 * deployable runs the rebuild: the switch stops only the live processor of this JVM.
 */
@Component
public class SearchIndexRebuilds implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexRebuilds.class);

    private final SearchIndexes indexes;
    private final ProcessorDeclarations declarations;
    private final BeanFactory beans;
    private final ObjectProvider<org.axonframework.config.Configuration> axon;
    private final ObjectProvider<EventProcessingConfiguration> processing;
    private final int batchSize;
    private final Map<String, TrackingEventProcessor> running = new ConcurrentHashMap<>();
    private final Map<String, Long> started = new ConcurrentHashMap<>();
    private ScheduledExecutorService scheduler;

    public SearchIndexRebuilds(SearchIndexes indexes, ProcessorDeclarations declarations, BeanFactory beans,
                               ObjectProvider<org.axonframework.config.Configuration> axon,
                               ObjectProvider<EventProcessingConfiguration> processing,
                               @Value("${plaza.processors.rebuild-batch-size:1000}") int batchSize) {
        this.indexes = indexes;
        this.declarations = declarations;
        this.beans = beans;
        this.axon = axon;
        this.processing = processing;
        this.batchSize = batchSize;
    }

    /** The name of the processor (and token_entry rows) that rebuilds an index version. */
    public static String processorName(String projection, SearchIndexes.Rebuild rebuild) {
        return projection + "@" + rebuild.to();
    }

    /** How long a retired index is kept for the searches that resolved the alias before it moved. */
    static final java.time.Duration RETIRED_GRACE = java.time.Duration.ofSeconds(5);

    private void tick() {
        indexes.dropRetired(RETIRED_GRACE);
        for (SearchIndexes.Rebuild rebuild : indexes.pendingRebuilds()) {
            try {
                advance(rebuild);
            } catch (RuntimeException e) {
                log.error("Rebuild of {} failed; retrying", rebuild.to(), e);
            }
        }
    }

    private void advance(SearchIndexes.Rebuild rebuild) {
        ProcessorDeclarations.Declaration projection = declarations.projectionFilling(rebuild.name())
                .orElseThrow(() -> new IllegalStateException("Search index " + rebuild.name() + " has a new version but no "
                        + "@Projection declares searchIndexes = \"" + rebuild.name() + "\" to rebuild it"));
        EventProcessingConfiguration config = processing.getIfAvailable();
        StreamingEventProcessor live = config == null ? null
                : config.eventProcessor(projection.name(), StreamingEventProcessor.class).orElse(null);
        if (live == null || !live.isRunning()) {
            return; // Axon has not started yet
        }
        TrackingEventProcessor rebuilding = running.computeIfAbsent(rebuild.to(), k -> start(projection, rebuild));
        if (!caughtUp(rebuilding)) {
            return;
        }
        switchOver(projection, rebuild, live, rebuilding);
    }

    private TrackingEventProcessor start(ProcessorDeclarations.Declaration projection, SearchIndexes.Rebuild rebuild) {
        org.axonframework.config.Configuration configuration = axon.getObject();
        List<Object> handlers = projection.beanNames().stream().map(beans::getBean).toList();
        TrackingEventProcessor processor = TrackingEventProcessor.builder()
                .name(processorName(projection.name(), rebuild))
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder()
                        .eventHandlers(handlers)
                        .parameterResolverFactory(configuration.parameterResolverFactory())
                        .handlerDefinition(configuration.handlerDefinition(handlers.get(0).getClass()))
                        // a failed event stops the rebuild (and is retried) instead of leaving a hole in the index
                        .listenerInvocationErrorHandler(PropagatingErrorHandler.instance())
                        .build())
                .messageSource(beans.getBean(EventStore.class))
                .tokenStore(beans.getBean(TokenStore.class))
                .transactionManager(beans.getBean(TransactionManager.class))
                .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andBatchSize(batchSize))
                .build();
        processor.registerHandlerInterceptor((unitOfWork, chain) -> {
            SearchWriter.redirect(unitOfWork, rebuild.alias(), rebuild.to());
            return chain.proceed();
        });
        processor.start();
        started.put(rebuild.to(), System.nanoTime());
        log.info("Rebuilding {} with processor {}", rebuild.to(), processor.getName());
        return processor;
    }

    private static boolean caughtUp(StreamingEventProcessor processor) {
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        return !status.isEmpty() && status.values().stream().allMatch(s -> s.isCaughtUp() && !s.isErrorState());
    }

    private void switchOver(ProcessorDeclarations.Declaration projection, SearchIndexes.Rebuild rebuild,
                            StreamingEventProcessor live, TrackingEventProcessor rebuilding) {
        TokenStore tokens = beans.getBean(TokenStore.class);
        TransactionManager transactions = beans.getBean(TransactionManager.class);
        live.shutDown();
        try {
            long stoppedAt = transactions.fetchInTransaction(() -> minPosition(tokens, live.getName()));
            while (position(rebuilding) < stoppedAt) {
                if (!rebuilding.isRunning() || rebuilding.isError()) {
                    return; // the live processor resumes below; the next tick tries again
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            }
            indexes.complete(rebuild);
            log.info("{} rebuilt up to position {} in {} ms; {} resumes there", rebuild.to(), stoppedAt,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started.getOrDefault(rebuild.to(), System.nanoTime())),
                    live.getName());
            started.remove(rebuild.to());
            rebuilding.shutDown();
            running.remove(rebuild.to());
            transactions.executeInTransaction(() -> {
                for (int segment : tokens.fetchSegments(rebuilding.getName())) {
                    tokens.fetchToken(rebuilding.getName(), segment); // claims it, so it may be deleted
                    tokens.deleteToken(rebuilding.getName(), segment);
                }
            });
        } finally {
            live.start();
        }
    }

    private static long minPosition(TokenStore tokens, String processor) {
        long min = Long.MAX_VALUE;
        for (int segment : tokens.fetchSegments(processor)) {
            TrackingToken token = tokens.fetchToken(processor, segment);
            min = Math.min(min, TokenPositions.of(token));
        }
        return min == Long.MAX_VALUE ? -1 : min;
    }

    private static long position(StreamingEventProcessor processor) {
        return processor.processingStatus().values().stream()
                .mapToLong(s -> s.getCurrentPosition().orElse(-1)).min().orElse(-1);
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "search-index-rebuilds");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::tick, 250, 250, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
        running.values().forEach(TrackingEventProcessor::shutDown);
        running.clear();
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
