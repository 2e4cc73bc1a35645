package co.plaza.platform.axon;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.time.Instant;

/**
 * Per declared tracking processor: {@code plaza.projection.lag}, from an event's creation (the command that
 * produced it) to the commit of the read-model batch that made it visible, as a histogram the benchmark reads
 * from /prometheus (projections only); and {@code plaza.processor.lag.events} / {@code plaza.processor.lag.seconds},
 * how far behind the head of the event store it is now (see {@link ProcessorStates}); and, for projections,
 * {@code plaza.processor.dead_letters}, how many events it has parked (ADR 0015; alert on it being above 0).
 */
@Configuration
public class ProjectionLagMetrics {

    @Autowired
    public void register(EventProcessingConfigurer configurer, MeterRegistry registry, ProcessorDeclarations declarations,
                         ProcessorStates states, DeadLetters deadLetters) {
        configurer.registerDefaultHandlerInterceptor((config, processor) -> declarations.isProjection(processor)
                ? lag(registry, processor) : (unitOfWork, chain) -> chain.proceed());
        for (ProcessorDeclarations.Declaration declaration : declarations.all()) {
            if (declaration.subscribing()) {
                continue; // handled in the publishing transaction: never behind
            }
            String name = declaration.name();
            Gauge.builder("plaza.processor.lag.events", states, s -> s.state(name).map(ProcessorStates.State::lagEvents).orElse(-1L))
                    .tag("processor", name).description("events between the processor's token and the event store's head")
                    .register(registry);
            Gauge.builder("plaza.processor.lag.seconds", states, s -> s.state(name).map(ProcessorStates.State::lagSeconds).orElse(-1.0))
                    .tag("processor", name).description("age of the oldest event not handled yet (0 when caught up)")
                    .register(registry);
            if (declaration.isProjection()) {
                Gauge.builder("plaza.processor.dead_letters", deadLetters, d -> deadLetterCount(d, name))
                        .tag("processor", name).description("events parked in the dead-letter queue (ADR 0015)")
                        .register(registry);
            }
        }
    }

    private static double deadLetterCount(DeadLetters deadLetters, String processor) {
        try {
            return deadLetters.count(processor).orElse(-1L);
        } catch (RuntimeException e) {
            return -1; // PostgreSQL unreachable: the postgresql health component says so
        }
    }

    private static MessageHandlerInterceptor<EventMessage<?>> lag(MeterRegistry registry, String processor) {
        Timer timer = Timer.builder("plaza.projection.lag")
                .tag("processor", processor)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
        return (unitOfWork, chain) -> {
            Instant created = unitOfWork.getMessage().getTimestamp();
            unitOfWork.afterCommit(u -> timer.record(Duration.between(created, Instant.now())));
            return chain.proceed();
        };
    }
}
