package co.plaza.media.api;

import java.util.EnumSet;
import java.util.Set;

/**
 * Why a file was uploaded. The use decides which types are allowed, whether the file replaces the previous one
 * (pictures, covers, avatars) and how many a host may hold (API.md, Media).
 */
public enum MediaUse {
    PROFILE_PICTURE(RelatedType.USER, true, 1, EnumSet.of(MediaType.IMAGE)),
    WORK_IMAGE(RelatedType.SPECIALIST_PROFILE, false, 30, EnumSet.of(MediaType.IMAGE)),
    ADD_IMAGE(RelatedType.ADD, false, 10, EnumSet.of(MediaType.IMAGE)),
    COMMUNITY_COVER(RelatedType.COMMUNITY, true, 1, EnumSet.of(MediaType.IMAGE)),
    COMMUNITY_AVATAR(RelatedType.COMMUNITY, true, 1, EnumSet.of(MediaType.IMAGE)),
    CHAT_ATTACHMENT(RelatedType.CHAT_MESSAGE, false, 0, EnumSet.allOf(MediaType.class)),
    /** Anything uploaded through {@code POST /api/media/} that is not one of the above. */
    GENERIC(null, false, 0, EnumSet.allOf(MediaType.class));

    private final RelatedType host;
    private final boolean replaces;
    private final int cap;
    private final Set<MediaType> allowed;

    MediaUse(RelatedType host, boolean replaces, int cap, Set<MediaType> allowed) {
        this.host = host;
        this.replaces = replaces;
        this.cap = cap;
        this.allowed = allowed;
    }

    /** The related type this use belongs to; null for generic media, which may hang on anything or nothing. */
    public RelatedType host() {
        return host;
    }

    /** A new upload of this use replaces (and deletes) the host's previous one. */
    public boolean replaces() {
        return replaces;
    }

    /** How many media of this use one host may hold; 0 = no limit. */
    public int cap() {
        return cap;
    }

    public boolean allows(MediaType type) {
        return allowed.contains(type);
    }

    /**
     * Readers never need a token for these (API.md, "Anonymous callers may": profile pictures, work images, ad and
     * community images). The others, chat attachments and generic files (a PDF, a video, a detached attachment),
     * are for their uploader, admins and whoever was handed a signed URL.
     */
    public boolean isPublic() {
        return this != CHAT_ATTACHMENT && this != GENERIC;
    }

    /** The use a plain {@code POST /api/media/} gets for a related type (pictures have their own endpoints). */
    public static MediaUse forGenericUpload(RelatedType relatedType) {
        if (relatedType == null) {
            return GENERIC;
        }
        return switch (relatedType) {
            case ADD -> ADD_IMAGE;
            case SPECIALIST_PROFILE -> WORK_IMAGE;
            case CHAT_MESSAGE -> CHAT_ATTACHMENT;
            case USER -> PROFILE_PICTURE;
            case COMMUNITY -> GENERIC;
        };
    }
}
