package co.plaza.platform.web;

/** Optimistic concurrency as API.md says: strong {@code ETag: "<version>"}, {@code If-Match} stale → 409. */
public final class Versions {

    private Versions() {
    }

    /** The version an {@code If-Match} header expects, or null for none and for {@code *}. */
    public static Long expected(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "").trim();
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            // a tag we never issued cannot match the current version
            return -2L;
        }
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }
}
