package co.plaza.platform.web;

import co.plaza.platform.errors.DomainException;
import co.plaza.platform.security.CurrentUser;
import org.axonframework.messaging.MetaData;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** The metadata every command carries from the edge: who acts, and the request's correlation id. */
public final class RequestMetadata {

    public static final String ACTOR_ID = "actor_id";
    public static final String CORRELATION_ID = "correlation_id";
    public static final String CAUSATION_ID = "causation_id";
    /** Whether the actor is an admin, so command handlers can apply object-level rules without a read. */
    public static final String ACTOR_STAFF = "actor_staff";

    private RequestMetadata() {
    }

    public static MetaData current() {
        Map<String, Object> values = new HashMap<>();
        CurrentUser.get().ifPresent(u -> {
            values.put(ACTOR_ID, u.id().toString());
            values.put(ACTOR_STAFF, u.staff());
        });
        values.put(CORRELATION_ID, correlationId());
        return MetaData.from(values);
    }

    /** For acts of an anonymous caller that are about a known user (register, password reset, login). */
    public static MetaData actingAs(UUID actor) {
        return MetaData.with(ACTOR_ID, actor.toString()).and(CORRELATION_ID, correlationId());
    }

    /**
     * Object-level authorization on the command side: the owner or an admin may change an object. Messages
     * without an actor come from the platform itself (sagas, imports) and pass.
     */
    public static void requireOwnerOrStaff(MetaData metaData, UUID owner) {
        Object actor = metaData.get(ACTOR_ID);
        if (actor == null || Boolean.TRUE.equals(metaData.get(ACTOR_STAFF)) || actor.toString().equals(String.valueOf(owner))) {
            return;
        }
        throw DomainException.forbidden();
    }

    /** Changes only admins make; platform-issued messages (no actor) pass. */
    public static void requireStaff(MetaData metaData) {
        if (metaData.get(ACTOR_ID) != null && !actorIsStaff(metaData)) {
            throw DomainException.forbidden();
        }
    }

    public static boolean actorIsStaff(MetaData metaData) {
        return Boolean.TRUE.equals(metaData.get(ACTOR_STAFF));
    }

    public static String correlationId() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        Object id = attributes == null ? null
                : attributes.getAttribute(WebConfiguration.CORRELATION_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        return id != null ? id.toString() : UUID.randomUUID().toString();
    }
}
