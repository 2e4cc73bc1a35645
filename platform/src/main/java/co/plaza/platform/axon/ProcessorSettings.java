package co.plaza.platform.axon;

import org.axonframework.common.AxonConfigurationException;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.TimeUnit;

/**
 * Each declared processing group's processor, from its declaration alone ({@link Projection}, {@link Policy}).
 * A processing group that is not declared has no settings, and Axon cannot build its processor: the
 * application refuses to start, naming it.
 */
@Configuration
public class ProcessorSettings {

    public static final int TOKEN_CLAIM_INTERVAL_MS = 1000;

    @Bean
    public static ProcessorDeclarations processorDeclarations(ConfigurableListableBeanFactory beans) {
        return ProcessorDeclarations.scan(beans);
    }

    /**
     * Tracking processors with batches of up to {@code plaza.processors.batch-size} events per transaction (ADR
     * 0004: a processor that is behind takes full batches, one that keeps up takes what is there); a tracking
     * processor is woken as soon as an event is committed in this JVM.
     */
    @Autowired
    public void configureProcessors(EventProcessingConfigurer configurer, ProcessorDeclarations declarations,
                                    ObjectProvider<ConnectionProvider> connections, DeadLetterSchema deadLetterSchema,
                                    @Value("${plaza.processors.batch-size:100}") int batchSize,
                                    @Value("${plaza.processors.segments:1}") int segments) {
        for (ProcessorDeclarations.Declaration declaration : declarations.all()) {
            String name = declaration.name();
            configurer.assignHandlerTypesMatching(name, type -> declaration.types().contains(
                    org.springframework.util.ClassUtils.getUserClass(type)));
            if (declaration.subscribing()) {
                configurer.registerSubscribingEventProcessor(name);
                continue;
            }
            configurer.registerTrackingEventProcessorConfiguration(name, config -> tracking(batchSize, segments));
            configurer.registerTrackingEventProcessor(name);
            if (declaration.isProjection()) {
                // a read model parks an event it cannot handle in dead_letter_entry, in a transaction of its own, and
                // goes on (DeadLetterIsolation, ADR 0015); no size limit, since a full queue would stop it again
                configurer.registerDeadLetterQueue(name, config -> JdbcSequencedDeadLetterQueue.builder()
                        .processingGroup(name)
                        .connectionProvider(connections.getObject())
                        .transactionManager(transactions(config))
                        .schema(deadLetterSchema)
                        .genericSerializer(config.serializer())
                        .eventSerializer(config.eventSerializer())
                        .maxSequences(Integer.MAX_VALUE)
                        .maxSequenceSize(Integer.MAX_VALUE)
                        .build());
                configurer.registerDeadLetterPolicy(name, config -> DeadLetterIsolation.policy());
                configurer.registerErrorHandler(name, config -> DeadLetterIsolation.errorHandler(name,
                        config::eventProcessingConfiguration, transactions(config)));
            }
        }
        configurer.registerEventProcessorFactory((name, config, invoker) -> {
            throw new AxonConfigurationException("Processing group '" + name + "' has no settings: declare its event "
                    + "handlers with @Projection or @Policy (co.plaza.platform.axon)");
        });
    }

    private static TransactionManager transactions(org.axonframework.config.Configuration config) {
        return config.getComponent(TransactionManager.class, NoTransactionManager::instance);
    }

    public static TrackingEventProcessorConfiguration tracking(int batchSize, int segments) {
        return TrackingEventProcessorConfiguration.forParallelProcessing(segments)
                .andInitialSegmentsCount(segments)
                .andBatchSize(batchSize)
                .andTokenClaimInterval(TOKEN_CLAIM_INTERVAL_MS, TimeUnit.MILLISECONDS);
    }
}
