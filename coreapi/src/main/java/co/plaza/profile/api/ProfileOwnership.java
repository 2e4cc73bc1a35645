package co.plaza.profile.api;

import co.plaza.common.api.Ownership;
import co.plaza.profile.api.ProfileCommands.AnonymiseProfileCommand;
import co.plaza.profile.api.ProfileEvents.ProfileAnonymisedEvent;
import co.plaza.profile.api.ProfileEvents.ProfileCreatedEvent;
import co.plaza.profile.api.ProfileEvents.ProfileDeletedEvent;

/** A user owns their profiles; a deleted user's profiles are anonymised (API.md, Auth: DELETE of a user). */
public final class ProfileOwnership extends Ownership {
    public ProfileOwnership() {
        super("profile.Profile", AnonymiseProfileCommand::new);
        ownedBy(ProfileCreatedEvent.class, ProfileCreatedEvent::profileId, ProfileCreatedEvent::userId);
        removedBy(ProfileAnonymisedEvent.class, ProfileAnonymisedEvent::profileId);
        removedBy(ProfileDeletedEvent.class, ProfileDeletedEvent::profileId);
    }
}
