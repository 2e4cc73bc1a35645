package co.plaza.marketplace.api;

import co.plaza.common.api.Ownership;
import co.plaza.marketplace.api.AdCommands.DeleteAdCommand;
import co.plaza.marketplace.api.AdEvents.AdCreatedEvent;
import co.plaza.marketplace.api.AdEvents.AdDeletedEvent;

/** A user owns their ads; a deleted user's ads are deleted (API.md, Auth: DELETE of a user). */
public final class AdOwnership extends Ownership {
    public AdOwnership() {
        super("marketplace.Ad", id -> new DeleteAdCommand(id, null));
        ownedBy(AdCreatedEvent.class, AdCreatedEvent::addId, AdCreatedEvent::userId);
        removedBy(AdDeletedEvent.class, AdDeletedEvent::addId);
    }
}
