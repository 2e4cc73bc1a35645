package co.plaza.common.api;

import java.util.UUID;

/**
 * Implemented by the events that remove an owner (a user deleted): everything an {@link Ownership} declaration says
 * that owner owns is removed with its removal command (docs/adr/0011). The platform knows this interface, never the
 * domain of the event.
 */
public interface OwnerRemoved {
    UUID removedOwnerId();
}
