package co.plaza.media.api;

/** API.md's {@code media_type}: decided from the content's magic bytes, never from the client. */
public enum MediaType {
    IMAGE, VIDEO, DOCUMENT;

    public String wire() {
        return name().toLowerCase();
    }
}
