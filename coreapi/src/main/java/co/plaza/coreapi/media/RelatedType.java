package co.plaza.coreapi.media;

import java.util.Optional;

/** What a media is attached to (the monolith's generic relation), as API.md names it. */
public enum RelatedType {
    USER, SPECIALIST_PROFILE, ADD, COMMUNITY, CHAT_MESSAGE;

    public String wire() {
        return name().toLowerCase();
    }

    public static Optional<RelatedType> fromWire(String value) {
        for (RelatedType t : values()) {
            if (t.wire().equals(value)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
