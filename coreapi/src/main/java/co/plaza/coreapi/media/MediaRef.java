package co.plaza.coreapi.media;

import java.util.UUID;

/**
 * A media as other objects embed it ({@code work_images[]}, {@code images[]}). Read models keep the path;
 * the edge makes it absolute for the caller's host ({@code PublicUrls}).
 */
public record MediaRef(UUID id, String url, int order) {

    /** Where a media's bytes are served, relative to the platform's public URL. */
    public static String pathOf(UUID mediaId) {
        return "/media/" + mediaId + "/";
    }
}
