package co.plaza.platform.axon;

import co.plaza.platform.web.RequestMetadata;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;

/**
 * Every message a handler produces carries {@code actor_id} and {@code correlation_id} of the message it
 * handled, and {@code causation_id} = that message's id (API.md, Conventions).
 */
@Component
public class PlazaCorrelationDataProvider implements CorrelationDataProvider {

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        Map<String, Object> data = new HashMap<>();
        Object actor = message.getMetaData().get(RequestMetadata.ACTOR_ID);
        if (actor != null) {
            data.put(RequestMetadata.ACTOR_ID, actor);
            Object staff = message.getMetaData().get(RequestMetadata.ACTOR_STAFF);
            if (staff != null) {
                data.put(RequestMetadata.ACTOR_STAFF, staff);
            }
        }
        Object correlation = message.getMetaData().get(RequestMetadata.CORRELATION_ID);
        data.put(RequestMetadata.CORRELATION_ID, correlation != null ? correlation : message.getIdentifier());
        data.put(RequestMetadata.CAUSATION_ID, message.getIdentifier());
        return data;
    }
}
