package co.plaza.platform.axon;

import co.plaza.platform.context.Caller;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;

/**
 * Every message a handler produces carries {@code actor_id} and {@code correlation_id} of the message it
 * handled, and {@code causation_id} = that message's id (API.md, Conventions). The system actor
 * ({@code actor_kind}) is never copied: a handler that acts as the system says so where it sends (Caller).
 */
@Component
public class PlazaCorrelationDataProvider implements CorrelationDataProvider {

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        Map<String, Object> data = new HashMap<>();
        Object actor = message.getMetaData().get(Caller.ACTOR_ID);
        if (actor != null) {
            data.put(Caller.ACTOR_ID, actor);
            Object staff = message.getMetaData().get(Caller.ACTOR_STAFF);
            if (staff != null) {
                data.put(Caller.ACTOR_STAFF, staff);
            }
        }
        Object correlation = message.getMetaData().get(Caller.CORRELATION_ID);
        data.put(Caller.CORRELATION_ID, correlation != null ? correlation : message.getIdentifier());
        data.put(Caller.CAUSATION_ID, message.getIdentifier());
        return data;
    }
}
