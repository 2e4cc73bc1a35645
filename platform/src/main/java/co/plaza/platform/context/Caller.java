package co.plaza.platform.context;

import co.plaza.platform.errors.DomainException;
import org.axonframework.messaging.MetaData;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Who is asking, as an explicit value every edge builds (the web edge from the access token and headers, the
 * WebSocket edge from its session, the ETL as {@link #platform()}) and nothing below the edge looks up: the actor
 * and whether they are an admin, the correlation id, and whether they accept an answer that may not show their
 * own last write yet. {@link #metaData()} is what a command carries; {@link #from(MetaData)} is how a handler reads
 * it back.
 *
 * <p>On the buses a message without an actor comes from the platform itself (sagas, policies, imports) and passes
 * the owner/admin checks, so an anonymous caller has no metadata to give: it must act as someone
 * ({@link #actingAs}) or be refused.
 */
public record Caller(Origin origin, UUID actorId, boolean staff, String correlationId, Consistency consistency) {

    public static final String ACTOR_ID = "actor_id";
    /** Whether the actor is an admin, so command handlers can apply object-level rules without a read. */
    public static final String ACTOR_STAFF = "actor_staff";
    public static final String CORRELATION_ID = "correlation_id";
    public static final String CAUSATION_ID = "causation_id";

    public enum Origin {
        /** A signed-in user. */
        USER,
        /** Nobody signed in (registration, login, password reset, public reads). */
        ANONYMOUS,
        /** The platform itself: sagas, policies, the ETL's imports. */
        PLATFORM
    }

    /** Whether an answer to this caller must show their own last write (API.md, {@code X-Consistency}). */
    public enum Consistency {
        READ_YOUR_WRITES,
        EVENTUAL
    }

    public Caller {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(consistency, "consistency");
        if ((origin == Origin.USER) != (actorId != null)) {
            throw new IllegalArgumentException("a user caller has an actor id, and only a user caller");
        }
        staff = staff && origin == Origin.USER;
    }

    public static Caller user(UUID actorId, boolean staff, String correlationId, Consistency consistency) {
        return new Caller(Origin.USER, Objects.requireNonNull(actorId, "actorId"), staff, correlationId, consistency);
    }

    public static Caller anonymous(String correlationId, Consistency consistency) {
        return new Caller(Origin.ANONYMOUS, null, false, correlationId, consistency);
    }

    /** The platform acting on its own (the ETL's imports, maintenance): a new correlation id, no actor. */
    public static Caller platform() {
        return new Caller(Origin.PLATFORM, null, false, UUID.randomUUID().toString(), Consistency.EVENTUAL);
    }

    /**
     * The caller behind a message, as a handler sees it: a message without an actor comes from the platform.
     * The consistency preference does not travel: it only matters at the edge that answers.
     */
    public static Caller from(MetaData metaData) {
        Object actor = metaData.get(ACTOR_ID);
        Object correlation = metaData.get(CORRELATION_ID);
        String correlationId = correlation != null ? correlation.toString() : UUID.randomUUID().toString();
        if (actor == null) {
            return new Caller(Origin.PLATFORM, null, false, correlationId, Consistency.EVENTUAL);
        }
        return user(UUID.fromString(actor.toString()), Boolean.TRUE.equals(metaData.get(ACTOR_STAFF)), correlationId,
                Consistency.READ_YOUR_WRITES);
    }

    /**
     * For acts of an anonymous caller that are about a known user (register, password reset, login): the same
     * request, acting as that user, who is not an admin by this.
     */
    public Caller actingAs(UUID actor) {
        return user(actor, false, correlationId, consistency);
    }

    /** What a message sent for this caller carries; an anonymous caller has none (see the class comment). */
    public MetaData metaData() {
        Map<String, Object> values = new HashMap<>();
        switch (origin) {
            case ANONYMOUS -> throw DomainException.unauthenticated("error.not_authenticated");
            case USER -> {
                values.put(ACTOR_ID, actorId.toString());
                values.put(ACTOR_STAFF, staff);
            }
            case PLATFORM -> {
            }
        }
        values.put(CORRELATION_ID, correlationId);
        return MetaData.from(values);
    }

    public boolean isAuthenticated() {
        return origin == Origin.USER;
    }

    public boolean wantsEventual() {
        return consistency == Consistency.EVENTUAL;
    }

    /** The signed-in actor's id; an anonymous caller is refused. */
    public UUID requireActor() {
        if (origin == Origin.USER) {
            return actorId;
        }
        throw DomainException.unauthenticated("error.not_authenticated");
    }

    /** This caller, refused unless signed in. */
    public Caller authenticated() {
        requireActor();
        return this;
    }

    /** Object-level authorization: the owner, an admin or the platform may change an object. */
    public boolean mayChange(UUID ownerId) {
        return switch (origin) {
            case PLATFORM -> true;
            case ANONYMOUS -> false;
            case USER -> staff || actorId.equals(ownerId);
        };
    }

    /** Anonymous callers are asked to sign in, others who are neither owner nor admin are forbidden. */
    public void requireOwnerOrStaff(UUID ownerId) {
        if (origin == Origin.ANONYMOUS) {
            throw DomainException.unauthenticated("error.not_authenticated");
        }
        if (!mayChange(ownerId)) {
            throw DomainException.forbidden();
        }
    }

    /** Changes only admins (and the platform) make. */
    public void requireStaff() {
        if (origin == Origin.ANONYMOUS) {
            throw DomainException.unauthenticated("error.not_authenticated");
        }
        if (origin == Origin.USER && !staff) {
            throw DomainException.forbidden();
        }
    }
}
