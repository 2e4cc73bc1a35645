package co.plaza.identity.command;

import co.plaza.media.api.RelatedType;
import co.plaza.media.command.MediaHost;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/** A user's media (the profile picture) belong to that user. */
@Component
class UserMediaHost implements MediaHost {

    private final UserDirectory users;

    UserMediaHost(UserDirectory users) {
        this.users = users;
    }

    @Override
    public RelatedType type() {
        return RelatedType.USER;
    }

    @Override
    public Optional<UUID> ownerOf(UUID id) {
        return users.exists(id) ? Optional.of(id) : Optional.empty();
    }
}
