package co.plaza.platform.ownership;

import co.plaza.common.api.Ownership;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;

/**
 * Every domain's {@link Ownership} declarations (plain classes in its {@code api} package) become beans here, and a
 * registry write that fails fails the command that caused it, so no aggregate exists without its owners.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(basePackages = "co.plaza", useDefaultFilters = false,
        includeFilters = @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = Ownership.class))
public class OwnershipConfiguration {

    @Autowired
    public void failCommandsWhoseOwnershipIsNotRecorded(EventProcessingConfigurer configurer) {
        configurer.registerListenerInvocationErrorHandler(OwnershipRegistry.GROUP,
                c -> PropagatingErrorHandler.instance());
    }
}
