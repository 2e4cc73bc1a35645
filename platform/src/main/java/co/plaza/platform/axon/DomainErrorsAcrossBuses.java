package co.plaza.platform.axon;

import co.plaza.platform.errors.DomainErrorDetails;
import co.plaza.platform.errors.DomainException;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandExecutionException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * A domain error thrown by a command handler travels back as {@link DomainErrorDetails}, so a command sent
 * through Axon Server to another node still answers the caller with the same error.
 */
@Configuration
public class DomainErrorsAcrossBuses {

    @Autowired
    public void register(CommandBus commandBus) {
        commandBus.registerHandlerInterceptor((unitOfWork, chain) -> {
            try {
                return chain.proceed();
            } catch (DomainException e) {
                throw new CommandExecutionException(e.getMessage(), e, DomainErrorDetails.of(e));
            }
        });
    }
}
