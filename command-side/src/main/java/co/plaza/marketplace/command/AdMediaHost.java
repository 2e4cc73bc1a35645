package co.plaza.marketplace.command;

import co.plaza.media.api.RelatedType;
import co.plaza.media.command.MediaHost;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/** Ads host their images: the owner of a live ad manages them. */
@Component
public class AdMediaHost implements MediaHost {

    private final Repository<Ad> adds;

    public AdMediaHost(Repository<Ad> adds) {
        this.adds = adds;
    }

    @Override
    public RelatedType type() {
        return RelatedType.ADD;
    }

    @Override
    public Optional<UUID> ownerOf(UUID id) {
        try {
            return adds.load(id.toString()).invoke(a -> a.isDeleted() ? Optional.<UUID>empty() : Optional.of(a.userId()));
        } catch (AggregateNotFoundException e) {
            return Optional.empty();
        }
    }
}
