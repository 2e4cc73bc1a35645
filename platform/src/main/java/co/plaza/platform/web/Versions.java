package co.plaza.platform.web;

import co.plaza.platform.errors.DomainException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Optimistic concurrency as API.md says: strong {@code ETag: "<version>"}, {@code If-Match} stale → 409. */
public final class Versions {

    /** The header's name, as a 400 names it. */
    public static final String IF_MATCH = "If-Match";
    /** One entity-tag (RFC 9110 §8.8.3), weak or strong, of at least one character. */
    private static final Pattern ENTITY_TAG = Pattern.compile("(?:W/)?\"([\\x21\\x23-\\x7E\\x80-\\xFF]+)\"");
    private static final Pattern DIGITS = Pattern.compile("\\d{1,18}");

    private Versions() {
    }

    /**
     * The version an {@code If-Match} header expects, or null for none and for {@code *}. A header that is not one
     * entity-tag (blank, {@code ""}, unbalanced quotes, a list, junk) is a 400 naming it, never read as absent: the
     * client meant a condition, and a write without it would silently win. A well-formed tag we never issued
     * ({@code "abc"}) cannot match any version: a 409 as any stale one.
     */
    public static Long expected(String ifMatch) {
        if (ifMatch == null) {
            return null;
        }
        String value = ifMatch.strip();
        if (value.equals("*")) {
            return null;
        }
        if (DIGITS.matcher(value).matches()) {
            return Long.parseLong(value); // a bare version, as clients of the monolith sent it
        }
        Matcher tag = ENTITY_TAG.matcher(value);
        if (!tag.matches()) {
            throw DomainException.field(IF_MATCH, "error.invalid_if_match");
        }
        return DIGITS.matcher(tag.group(1)).matches() ? Long.parseLong(tag.group(1)) : -2L;
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }
}
