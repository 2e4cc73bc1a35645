package co.plaza.media.command;

import co.plaza.media.api.MediaCommands.DeleteMediaCommand;
import co.plaza.media.api.MediaCommands.UpdateMediaCommand;
import co.plaza.media.api.MediaCommands.UploadMediaCommand;
import co.plaza.media.api.MediaUse;
import co.plaza.media.api.RelatedType;
import co.plaza.platform.errors.DomainException;
import co.plaza.platform.context.Caller;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The rules of a media's relation: the host must exist, only its owner (or an admin) attaches to it, caps hold,
 * and a picture replaces the previous one. Each decision is taken under a transaction lock of the host, against
 * the registry the same transaction keeps.
 */
@Component
public class MediaCommandHandler {

    private final Repository<Media> media;
    private final MediaRegistry registry;
    private final Map<RelatedType, MediaHost> hosts = new EnumMap<>(RelatedType.class);

    public MediaCommandHandler(Repository<Media> media, MediaRegistry registry, List<MediaHost> hosts) {
        this.media = media;
        this.registry = registry;
        hosts.forEach(h -> this.hosts.put(h.type(), h));
    }

    @CommandHandler
    public UUID handle(UploadMediaCommand command, MetaData metaData) throws Exception {
        int order = command.order() == null ? 0 : command.order();
        if (command.relatedType() != null) {
            requireHost(command.relatedType(), command.relatedId(), metaData);
            order = makeRoom(command.use(), command.relatedType(), command.relatedId(), command.order());
        }
        int finalOrder = order;
        media.newInstance(() -> new Media(command, finalOrder, Instant.now()));
        return command.mediaId();
    }

    @CommandHandler
    public void handle(UpdateMediaCommand command, MetaData metaData) {
        Aggregate<Media> aggregate = load(command.mediaId());
        Media current = aggregate.invoke(m -> m);
        requireMayChange(current, metaData);
        RelatedType newType = command.detach() ? null
                : command.relatedType() != null ? command.relatedType() : current.relatedType();
        UUID newId = command.detach() ? null : command.relatedId() != null ? command.relatedId() : current.relatedId();
        boolean moving = newType != current.relatedType() || !Objects.equals(newId, current.relatedId());
        if (moving) {
            if ((newType == null) != (newId == null)) {
                throw DomainException.field(newType == null ? "related_type" : "related_id", "error.required");
            }
            MediaUse newUse = MediaUse.forGenericUpload(newType);
            int order = command.order() == null ? 0 : command.order();
            if (newType != null) {
                requireHost(newType, newId, metaData);
                order = makeRoom(newUse, newType, newId, command.order());
            }
            int finalOrder = order;
            aggregate.execute(m -> m.reattach(newUse, newType, newId, finalOrder));
        } else if (command.order() != null) {
            aggregate.execute(m -> m.reorder(command.order()));
        }
    }

    @CommandHandler
    public void handle(DeleteMediaCommand command, MetaData metaData) {
        Aggregate<Media> aggregate = load(command.mediaId());
        requireMayChange(aggregate.invoke(m -> m), metaData);
        aggregate.execute(Media::delete);
    }

    /** Locks the host, then replaces its picture or checks its cap; the order a new media gets there. */
    private int makeRoom(MediaUse use, RelatedType type, UUID id, Integer requestedOrder) {
        registry.lockHost(type, id);
        if (use.replaces()) {
            for (UUID previous : registry.live(use, type, id)) {
                load(previous).execute(Media::delete);
            }
        } else if (use.cap() > 0 && registry.count(use, type, id) >= use.cap()) {
            throw capReached(use, type);
        }
        return requestedOrder != null ? requestedOrder : registry.nextOrder(use, type, id);
    }

    /** A host holds at most {@code use.cap()} media of a use (an upload checks a batch against it before reading). */
    public static DomainException capReached(MediaUse use, RelatedType type) {
        return DomainException.invalid(type == RelatedType.ADD ? "error.add_images_cap" : "error.work_images_cap",
                use.cap());
    }

    /** The related object must exist, and the actor must own it (admins and the platform itself may attach). */
    private void requireHost(RelatedType type, UUID id, MetaData metaData) {
        if (id == null) {
            throw DomainException.field("related_id", "error.required");
        }
        UUID owner = ownerOf(type, id).orElseThrow(() -> DomainException.field("related_id", "error.related_not_found"));
        Caller.from(metaData).requireOwnerOrStaff(owner);
    }

    /** The uploader, the host's owner, an admin, or the platform. */
    private void requireMayChange(Media current, MetaData metaData) {
        if (current.deleted()) {
            throw DomainException.notFound();
        }
        Caller caller = Caller.from(metaData);
        if (caller.mayChange(current.uploadedBy())) {
            return;
        }
        UUID owner = current.relatedType() == null ? null
                : ownerOf(current.relatedType(), current.relatedId()).orElse(null);
        caller.requireOwnerOrStaff(owner);
    }

    private Optional<UUID> ownerOf(RelatedType type, UUID id) {
        MediaHost host = hosts.get(type);
        return host == null ? Optional.empty() : host.ownerOf(id);
    }

    private Aggregate<Media> load(UUID mediaId) {
        try {
            return media.load(mediaId.toString());
        } catch (AggregateNotFoundException e) {
            throw DomainException.notFound();
        }
    }
}
