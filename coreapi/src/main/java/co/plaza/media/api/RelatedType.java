package co.plaza.media.api;

import java.util.Optional;

/** What a media is attached to (the monolith's generic relation), as API.md names it. */
public enum RelatedType {
    USER("authentication_user"), SPECIALIST_PROFILE("profiles_specialistprofile"), ADD("add_add"),
    COMMUNITY("foro_community"), CHAT_MESSAGE("chat_chatmessage");

    /** The monolith's table of such objects: a {@code related_id} may be its integer id. */
    public static final String MEDIA_LEGACY_TABLE = "media_media";

    private final String legacyTable;

    RelatedType(String legacyTable) {
        this.legacyTable = legacyTable;
    }

    public String legacyTable() {
        return legacyTable;
    }

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
