package co.plaza.profile.command;

import co.plaza.media.api.RelatedType;
import co.plaza.profile.api.ProfileKind;
import co.plaza.media.command.MediaHost;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/** Work images hang on a specialist profile and belong to its user. */
@Component
class SpecialistMediaHost implements MediaHost {

    private final Repository<Profile> profiles;

    SpecialistMediaHost(Repository<Profile> profiles) {
        this.profiles = profiles;
    }

    @Override
    public RelatedType type() {
        return RelatedType.SPECIALIST_PROFILE;
    }

    @Override
    public Optional<UUID> ownerOf(UUID id) {
        try {
            return profiles.load(id.toString()).invoke(p ->
                    p.kind() == ProfileKind.SPECIALIST && !p.deleted() ? Optional.of(p.userId()) : Optional.empty());
        } catch (AggregateNotFoundException e) {
            return Optional.empty();
        }
    }
}
