package co.plaza.media.api;

import java.util.UUID;

/**
 * Implemented by the events that remove an object media hang on (an ad deleted, a community deleted): the media
 * read model hides that object's media from readers, while the media themselves stay in the event store for audit.
 */
public interface MediaHostRemoved {
    RelatedType mediaHostType();

    UUID mediaHostId();
}
