package co.plaza.common.api;

import java.util.UUID;

/**
 * Who reads, as a query carries it so the read model that knows an object's visibility decides it in one place:
 * a user (an admin or not), nobody, or the system actor, which sees everything. Built at the edge from the caller
 * ({@code Caller.viewer()}).
 */
public record Viewer(UUID actorId, boolean staff) {

    public static final Viewer ANONYMOUS = new Viewer(null, false);
    /** The system actor (sagas, policies, the ETL): sees everything, as it passes the owner checks. */
    public static final Viewer SYSTEM = new Viewer(null, true);

    public static Viewer user(UUID actorId, boolean staff) {
        return new Viewer(java.util.Objects.requireNonNull(actorId, "actorId"), staff);
    }

    /** The owner or an admin: who sees an object that is not public. */
    public boolean ownsOrAdministers(UUID ownerId) {
        return staff || (actorId != null && actorId.equals(ownerId));
    }
}
