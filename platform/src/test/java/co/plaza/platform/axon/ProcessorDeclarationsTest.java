package co.plaza.platform.axon;

import co.plaza.platform.test.PlazaTestEnvironment;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

import java.sql.DriverManager;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Processors come from the declarations of a small Spring context's beans, and a processing group nobody
 * declared stops the application from starting.
 */
class ProcessorDeclarationsTest {

    record Happened(String what) {
    }

    @Projection(name = "things-projection")
    static class ThingsProjection {
        @EventHandler
        void on(Happened e) {
        }
    }

    @Policy(name = "things-registry", subscribing = true)
    static class ThingsRegistry {
        @EventHandler
        void on(Happened e) {
        }
    }

    @Policy(name = "things-policies")
    static class ThingsPolicy {
        @EventHandler
        void on(Happened e) {
            throw new IllegalStateException("cannot");
        }
    }

    /** Plain Axon: a processing group of its own, but no settings for it. */
    @ProcessingGroup("stray-projection")
    static class Stray {
        @EventHandler
        void on(Happened e) {
        }
    }

    private static ProcessorDeclarations declarations(Class<?>... beans) {
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
            for (Class<?> bean : beans) {
                context.registerBean(bean);
            }
            context.refresh();
            return ProcessorDeclarations.scan(context.getBeanFactory());
        }
    }

    private static Configurer axon(ProcessorDeclarations declarations, Object... handlers) {
        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine());
        Map<String, Object> test = PlazaTestEnvironment.properties();
        ConnectionProvider connections = () -> DriverManager.getConnection((String) test.get("spring.datasource.url"),
                (String) test.get("spring.datasource.username"), (String) test.get("spring.datasource.password"));
        new ProcessorSettings().configureProcessors(configurer.eventProcessing(), declarations,
                new StaticListableBeanFactory(Map.of("connections", connections)).getBeanProvider(ConnectionProvider.class),
                DeadLetterSchema.defaultSchema(), 100, 1);
        for (Object handler : handlers) {
            configurer.eventProcessing().registerEventHandler(c -> handler);
        }
        return configurer;
    }

    @Test
    void eachDeclarationGetsItsProcessor() {
        ProcessorDeclarations declarations = declarations(ThingsProjection.class, ThingsRegistry.class, ThingsPolicy.class);
        assertThat(declarations.isProjection("things-projection")).isTrue();
        assertThat(declarations.isProjection("things-policies")).isFalse();
        assertThat(declarations.groupOf(ThingsRegistry.class)).contains("things-registry");

        var configuration = axon(declarations, new ThingsProjection(), new ThingsRegistry(), new ThingsPolicy()).start();
        try {
            var processors = configuration.eventProcessingConfiguration().eventProcessors();
            assertThat(processors.keySet()).containsExactlyInAnyOrder("things-projection", "things-registry", "things-policies");
            assertThat(processors.get("things-projection")).isInstanceOf(TrackingEventProcessor.class);
            assertThat(processors.get("things-policies")).isInstanceOf(TrackingEventProcessor.class);
            assertThat(processors.get("things-registry")).isInstanceOf(SubscribingEventProcessor.class);
            assertThat(configuration.eventProcessingConfiguration().deadLetterQueue("things-projection")).isPresent();
            assertThat(configuration.eventProcessingConfiguration().deadLetterQueue("things-policies")).isEmpty();
        } finally {
            configuration.shutdown();
        }
    }

    @Test
    void onlyProjectionsReplay() {
        ProcessorDeclarations declarations = declarations(ThingsProjection.class, ThingsPolicy.class);
        Configurer configurer = axon(declarations, new ThingsProjection(), new ThingsPolicy());
        var configuration = configurer.start();
        try {
            ProjectionReplays replays = new ProjectionReplays(configuration.eventProcessingConfiguration(), declarations);
            assertThatThrownBy(() -> replays.replay("things-policies")).hasMessageContaining("not a declared @Projection");
            assertThat(configuration.eventProcessingConfiguration().eventProcessor("things-policies").orElseThrow().isRunning())
                    .as("a refused replay leaves the policy running").isTrue();
            replays.replay("things-projection");
            assertThat(configuration.eventProcessingConfiguration().eventProcessor("things-projection").orElseThrow().isRunning())
                    .as("a replayed projection runs again").isTrue();
        } finally {
            configuration.shutdown();
        }
    }

    @Test
    void anUndeclaredProcessingGroupStopsTheStart() {
        ProcessorDeclarations declarations = declarations(ThingsProjection.class, Stray.class);
        Configurer configurer = axon(declarations, new ThingsProjection(), new Stray());
        assertThatThrownBy(configurer::start)
                .hasStackTraceContaining("Processing group 'stray-projection' has no settings");
    }

    @Policy(name = "things-projection")
    static class Confused {
    }

    @Test
    void aGroupDeclaredTwoWaysIsRefused() {
        assertThatThrownBy(() -> declarations(ThingsProjection.class, Confused.class))
                .hasMessageContaining("things-projection");
    }

    @Test
    void aProcessorInErrorShowsAsSuch() throws InterruptedException {
        ProcessorDeclarations declarations = declarations(ThingsPolicy.class);
        Configurer configurer = axon(declarations, new ThingsPolicy());
        // a policy without dead letters: its failure stops its processor, which then retries
        configurer.eventProcessing().registerListenerInvocationErrorHandler("things-policies",
                c -> org.axonframework.eventhandling.PropagatingErrorHandler.instance());
        var configuration = configurer.start();
        try {
            configuration.eventBus().publish(GenericEventMessage.asEventMessage(new Happened("x")));
            ProcessorStates states = new ProcessorStates(
                    new StaticListableBeanFactory(Map.of("p", configuration.eventProcessingConfiguration()))
                            .getBeanProvider(org.axonframework.config.EventProcessingConfiguration.class),
                    new StaticListableBeanFactory(Map.of("s", configuration.eventStore()))
                            .getBeanProvider(org.axonframework.eventsourcing.eventstore.EventStore.class),
                    declarations);
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (!"error".equals(states.state("things-policies").orElseThrow().status()) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            ProcessorStates.State state = states.state("things-policies").orElseThrow();
            assertThat(state.status()).isEqualTo("error");
            assertThat(state.error()).contains("cannot");
            assertThat(state.lagEvents()).isEqualTo(1);
            assertThat(List.of(state.mode())).containsExactly("tracking");
        } finally {
            configuration.shutdown();
        }
    }
}
