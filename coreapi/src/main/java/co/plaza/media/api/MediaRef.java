package co.plaza.media.api;

import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * A media as other objects embed it ({@code work_images[]}, {@code images[]}). Read models keep the path; a
 * representation makes it absolute for the caller with {@link #absolute(String)}.
 */
public record MediaRef(UUID id, String url, int order) {

    private static volatile UnaryOperator<String> absolutizer = UnaryOperator.identity();

    /** Where a media's bytes are served, relative to the platform's public URL. */
    public static String pathOf(UUID mediaId) {
        return "/media/" + mediaId + "/";
    }

    /** Installed by the web edge ({@code co.plaza.media.web.MediaLinks}): coreapi has no notion of the request's host. */
    public static void useAbsolutizer(UnaryOperator<String> value) {
        absolutizer = value;
    }

    public static String absolute(String path) {
        return path == null ? null : absolutizer.apply(path);
    }

    /** As API.md embeds it ({@code work_images[]}, {@code images[]}): {@code {id, url, order}}, the URL absolute. */
    public java.util.Map<String, Object> json() {
        java.util.Map<String, Object> json = new java.util.LinkedHashMap<>();
        json.put("id", id);
        json.put("url", absolute(url));
        json.put("order", order);
        return json;
    }
}
