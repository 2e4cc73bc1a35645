package co.plaza.platform.context;

import co.plaza.common.api.Viewer;
import co.plaza.platform.errors.DomainException;
import org.axonframework.messaging.MetaData;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Who is asking, as an explicit value every edge builds (the web edge from the access token and headers, the
 * WebSocket edge from its session, the ETL as {@link #system()}) and nothing below the edge looks up: the actor
 * and whether they are an admin, the correlation id, and whether they accept an answer that may not show their
 * own last write yet. {@link #metaData()} is what a command carries; {@link #from(MetaData)} is how a handler reads
 * it back.
 *
 * <p>The system actor: a message whose metadata says {@code actor_kind: system} ({@link #ACTOR_KIND},
 * {@link #SYSTEM}) comes from the platform itself and passes the owner/admin checks. Only the platform's own
 * dispatchers set it, each explicitly where it sends: sagas and their deadlines ({@link #systemAuthority()}), the
 * ownership policies' removals, the bootstrap admin and the ETL ({@link #system()}). It is never copied from one
 * message to the messages its handler produces, so no handler inherits it. A message that merely lacks an actor is
 * anonymous: every owner/admin check refuses it as unauthenticated. An anonymous caller therefore has no metadata
 * to give: it must act as someone ({@link #actingAs}) or be refused.
 */
public record Caller(Origin origin, UUID actorId, boolean staff, String correlationId, Consistency consistency) {

    public static final String ACTOR_ID = "actor_id";
    /** Whether the actor is an admin, so command handlers can apply object-level rules without a read. */
    public static final String ACTOR_STAFF = "actor_staff";
    public static final String CORRELATION_ID = "correlation_id";
    public static final String CAUSATION_ID = "causation_id";
    /** Set to {@link #SYSTEM} by the platform's own dispatchers only (see the class comment). */
    public static final String ACTOR_KIND = "actor_kind";
    public static final String SYSTEM = "system";

    public enum Origin {
        /** A signed-in user. */
        USER,
        /** Nobody signed in (registration, login, password reset, public reads). */
        ANONYMOUS,
        /** The platform itself: sagas, policies, the bootstrap admin, the ETL's imports. */
        SYSTEM
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

    /** The platform acting on its own (the ETL's imports, the bootstrap admin): a new correlation id, no actor. */
    public static Caller system() {
        return new Caller(Origin.SYSTEM, null, false, UUID.randomUUID().toString(), Consistency.EVENTUAL);
    }

    /**
     * What a saga, policy or deadline handler adds to a command it sends while handling a message: the system's
     * authority and nothing else, so the correlation id, causation id and the causing user (whose reads then wait
     * for the command's events) still come from the message being handled (PlazaCorrelationDataProvider).
     */
    public static MetaData systemAuthority() {
        return MetaData.with(ACTOR_KIND, SYSTEM);
    }

    /**
     * The caller behind a message, as a handler sees it: the system when the message says so, else its actor, else
     * anonymous (refused by every check). The consistency preference does not travel: it only matters at the edge
     * that answers.
     */
    public static Caller from(MetaData metaData) {
        Object actor = metaData.get(ACTOR_ID);
        Object correlation = metaData.get(CORRELATION_ID);
        String correlationId = correlation != null ? correlation.toString() : UUID.randomUUID().toString();
        if (SYSTEM.equals(metaData.get(ACTOR_KIND))) {
            return new Caller(Origin.SYSTEM, null, false, correlationId, Consistency.EVENTUAL);
        }
        if (actor == null) {
            return anonymous(correlationId, Consistency.EVENTUAL);
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
            case SYSTEM -> values.put(ACTOR_KIND, SYSTEM);
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

    /** Who reads, as queries carry it: the read models decide from it what this caller may see. */
    public Viewer viewer() {
        return switch (origin) {
            case SYSTEM -> Viewer.SYSTEM;
            case ANONYMOUS -> Viewer.ANONYMOUS;
            case USER -> Viewer.user(actorId, staff);
        };
    }

    /** Object-level authorization: the owner, an admin or the system may change an object. */
    public boolean mayChange(UUID ownerId) {
        return switch (origin) {
            case SYSTEM -> true;
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

    /** Changes only admins (and the system) make. */
    public void requireStaff() {
        if (origin == Origin.ANONYMOUS) {
            throw DomainException.unauthenticated("error.not_authenticated");
        }
        if (origin == Origin.USER && !staff) {
            throw DomainException.forbidden();
        }
    }
}
