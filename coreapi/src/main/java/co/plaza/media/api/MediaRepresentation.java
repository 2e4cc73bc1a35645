package co.plaza.media.api;

import co.plaza.media.api.MediaQueries.MediaView;

import java.util.LinkedHashMap;
import java.util.Map;

/** A media as API.md shows it; the URL is made by the edge (absolute, signed where needed). */
public final class MediaRepresentation {
    private MediaRepresentation() {
    }

    public static Map<String, Object> of(MediaView view, String url) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", view.id());
        json.put("legacy_id", view.legacyId());
        json.put("url", url);
        json.put("media_type", view.mediaType().wire());
        json.put("mime_type", view.mimeType());
        json.put("size_bytes", view.sizeBytes());
        json.put("related_type", view.relatedType() == null ? null : view.relatedType().wire());
        json.put("related_id", view.relatedId());
        json.put("uploaded_by", view.uploadedBy());
        json.put("order", view.order());
        json.put("created_at", view.createdAt());
        return json;
    }
}
