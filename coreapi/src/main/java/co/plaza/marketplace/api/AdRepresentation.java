package co.plaza.marketplace.api;

import co.plaza.media.api.MediaRef;

import co.plaza.marketplace.api.AdQueries.AdView;
import co.plaza.marketplace.api.CategoryQueries.CategoryView;
import co.plaza.marketplace.api.FollowQueries.FollowView;
import co.plaza.profile.api.ProfileRepresentation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

/** Ads, categories and follows as API.md shows them; {@code absolute} turns a media path into a URL. */
public final class AdRepresentation {
    private AdRepresentation() {
    }

    public static Map<String, Object> of(AdView view) {
        AdDetails d = view.details();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", view.id());
        json.put("legacy_id", view.legacyId());
        json.put("user_id", view.userId());
        json.put("title", d.title());
        json.put("description", nz(d.description()));
        json.put("price", ProfileRepresentation.money(d.price()));
        json.put("currency", d.currency());
        json.put("condition", d.condition().wire());
        json.put("status", view.status().wire());
        json.put("category", d.categoryId());
        json.put("latitude", d.latitude());
        json.put("longitude", d.longitude());
        json.put("address", nz(d.address()));
        json.put("city", nz(d.city()));
        json.put("images", view.images().stream().map(MediaRef::json).toList());
        json.put("views_count", view.viewsCount());
        json.put("created_at", view.createdAt());
        json.put("updated_at", view.updatedAt());
        if (view.distanceKm() != null) {
            json.put("distance_km", BigDecimal.valueOf(view.distanceKm()).setScale(3, RoundingMode.HALF_UP));
        }
        return json;
    }

    public static Map<String, Object> of(CategoryView view) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", view.id());
        json.put("legacy_id", view.legacyId());
        json.put("name", view.name());
        json.put("slug", view.slug());
        json.put("description", nz(view.description()));
        json.put("parent", view.parentId());
        return json;
    }

    public static Map<String, Object> of(FollowView view) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", view.id());
        json.put("legacy_id", view.legacyId());
        json.put("follower", view.followerId());
        json.put("followed", view.followedId());
        json.put("created_at", view.createdAt());
        return json;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
