package co.plaza.media.command;

import co.plaza.media.api.RelatedType;

import java.util.Optional;
import java.util.UUID;

/**
 * A domain whose objects media hang on (users, specialist profiles, ads, communities, chat messages) publishes one
 * of these as a Spring bean, so the media domain can check a relation without knowing the domain: the related
 * object must exist, and its owner may change or delete the media attached to it.
 */
public interface MediaHost {

    RelatedType type();

    /**
     * The owner of the live object with this id; empty when there is none (never existed, or deleted). Called
     * inside the media command's unit of work, so an aggregate repository may be used.
     */
    Optional<UUID> ownerOf(UUID id);
}
