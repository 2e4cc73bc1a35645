package co.plaza.profile.api;

import co.plaza.media.api.MediaRef;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

/** A profile as API.md shows it: money and rating as strings with two decimals, absent numbers null. */
public final class ProfileRepresentation {
    private ProfileRepresentation() {
    }

    public static Map<String, Object> of(ProfileQueries.ProfileView view) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", view.id());
        json.put("legacy_id", view.legacyId());
        json.put("user_id", view.userId());
        ProfileDetails details = view.details();
        if (details instanceof ProfileDetails.Specialist s) {
                json.put("profession", nz(s.profession()));
                json.put("description", nz(s.description()));
                json.put("years_experience", s.yearsExperience());
                json.put("hourly_rate", money(s.hourlyRate()));
                json.put("city", nz(s.city()));
                json.put("latitude", s.latitude());
                json.put("longitude", s.longitude());
                json.put("rating", money(s.rating() == null ? BigDecimal.ZERO : s.rating()));
                json.put("work_images", view.workImages().stream().map(MediaRef::json).toList());
        } else if (details instanceof ProfileDetails.Businessman b) {
                json.put("company_name", nz(b.companyName()));
                json.put("tax_id", nz(b.taxId()));
                json.put("business_type", nz(b.businessType()));
                json.put("address", nz(b.address()));
                json.put("city", nz(b.city()));
                json.put("website", nz(b.website()));
        } else if (details instanceof ProfileDetails.Consumer c) {
                json.put("address", nz(c.address()));
                json.put("city", nz(c.city()));
                json.put("preferences", c.preferences() == null ? Map.of() : c.preferences());
        }
        json.put("created_at", view.createdAt());
        json.put("updated_at", view.updatedAt());
        return json;
    }

    public static String money(BigDecimal value) {
        return value == null ? null : value.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
