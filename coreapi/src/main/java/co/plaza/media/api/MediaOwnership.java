package co.plaza.media.api;

import co.plaza.common.api.Ownership;
import co.plaza.media.api.MediaCommands.DeleteMediaCommand;
import co.plaza.media.api.MediaEvents.MediaDeletedEvent;
import co.plaza.media.api.MediaEvents.MediaReattachedEvent;
import co.plaza.media.api.MediaEvents.MediaUploadedEvent;

/**
 * A media hung on a user (the profile picture) belongs to that user: deleting the user deletes it, blob included
 * (API.md, Auth: DELETE of a user). Media of other hosts go or hide with their host.
 */
public final class MediaOwnership extends Ownership {
    public MediaOwnership() {
        super("media.Media", DeleteMediaCommand::new);
        ownedBy(MediaUploadedEvent.class, MediaUploadedEvent::mediaId,
                e -> e.relatedType() == RelatedType.USER ? e.relatedId() : null);
        ownedBy(MediaReattachedEvent.class, MediaReattachedEvent::mediaId,
                e -> e.relatedType() == RelatedType.USER ? e.relatedId() : null);
        removedBy(MediaDeletedEvent.class, MediaDeletedEvent::mediaId);
    }
}
