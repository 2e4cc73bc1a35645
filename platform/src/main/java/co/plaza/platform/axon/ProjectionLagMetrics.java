package co.plaza.platform.axon;

import co.plaza.platform.consistency.ReadSideProgress;
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
 * {@code plaza.projection.lag}: from an event's creation (the command that produced it) to the commit of the
 * read-model batch that made it visible, per projection, as a histogram the benchmark reads from /prometheus.
 */
@Configuration
public class ProjectionLagMetrics {

    @Autowired
    public void register(EventProcessingConfigurer configurer, MeterRegistry registry) {
        configurer.registerDefaultHandlerInterceptor((config, processor) -> processor.endsWith(ReadSideProgress.READ_MODEL_SUFFIX)
                ? lag(registry, processor) : (unitOfWork, chain) -> chain.proceed());
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
