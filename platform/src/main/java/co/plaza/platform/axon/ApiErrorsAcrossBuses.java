package co.plaza.platform.axon;

import co.plaza.platform.web.ApiErrorDetails;
import co.plaza.platform.web.ApiException;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandExecutionException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * A client error thrown by a command handler travels back as {@link ApiErrorDetails}, so a command sent
 * through Axon Server to another node still answers the caller with the same 4xx.
 */
@Configuration
public class ApiErrorsAcrossBuses {

    @Autowired
    public void register(CommandBus commandBus) {
        commandBus.registerHandlerInterceptor((unitOfWork, chain) -> {
            try {
                return chain.proceed();
            } catch (ApiException e) {
                throw new CommandExecutionException(e.getMessage(), e, ApiErrorDetails.of(e));
            }
        });
    }
}
