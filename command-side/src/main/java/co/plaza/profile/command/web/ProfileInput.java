package co.plaza.profile.command.web;

import co.plaza.profile.api.ProfileDetails;
import co.plaza.profile.api.ProfileKind;
import co.plaza.platform.web.JsonInput;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the kind-specific fields of a profile body over a base (the current details for PATCH, empty ones
 * for POST and PUT). {@code rating} is read-only and always kept from the base.
 */
final class ProfileInput {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ProfileInput() {
    }

    static ProfileDetails read(JsonInput in, ProfileKind kind, ProfileDetails base) {
        ProfileDetails details = switch (kind) {
            case SPECIALIST -> specialist(in, (ProfileDetails.Specialist) base);
            case BUSINESSMAN -> businessman(in, (ProfileDetails.Businessman) base);
            case CONSUMER -> consumer(in, (ProfileDetails.Consumer) base);
        };
        in.validate();
        return details;
    }

    private static ProfileDetails.Specialist specialist(JsonInput in, ProfileDetails.Specialist b) {
        String profession = text(in, "profession", 100, b.profession());
        String description = text(in, "description", 20_000, b.description());
        Integer years = in.isNull("years_experience") ? null
                : in.integer("years_experience", false, 0, 100).orElse(in.has("years_experience") ? null : b.yearsExperience());
        BigDecimal rate = in.isNull("hourly_rate") ? null
                : in.decimal("hourly_rate", false, BigDecimal.ZERO, new BigDecimal("99999999.99"), 2)
                .orElse(in.has("hourly_rate") ? null : b.hourlyRate());
        String city = text(in, "city", 100, b.city());
        Double lat = in.isNull("latitude") ? null
                : in.number("latitude", false, -90, 90).orElse(in.has("latitude") ? null : b.latitude());
        Double lon = in.isNull("longitude") ? null
                : in.number("longitude", false, -180, 180).orElse(in.has("longitude") ? null : b.longitude());
        if ((lat == null) != (lon == null)) {
            in.error(lat == null ? "latitude" : "longitude", "error.coordinates_pair");
        }
        return new ProfileDetails.Specialist(profession, description, years, rate, city, lat, lon, b.rating());
    }

    private static ProfileDetails.Businessman businessman(JsonInput in, ProfileDetails.Businessman b) {
        return new ProfileDetails.Businessman(text(in, "company_name", 200, b.companyName()),
                text(in, "tax_id", 30, b.taxId()), text(in, "business_type", 100, b.businessType()),
                text(in, "address", 255, b.address()), text(in, "city", 100, b.city()),
                text(in, "website", 200, b.website()));
    }

    @SuppressWarnings("unchecked")
    private static ProfileDetails.Consumer consumer(JsonInput in, ProfileDetails.Consumer b) {
        Map<String, Object> preferences = b.preferences();
        if (in.isNull("preferences")) {
            preferences = Map.of();
        } else {
            JsonNode node = in.object("preferences", false).orElse(null);
            if (node != null) {
                preferences = MAPPER.convertValue(node, LinkedHashMap.class);
            }
        }
        return new ProfileDetails.Consumer(text(in, "address", 255, b.address()), text(in, "city", 100, b.city()),
                preferences);
    }

    /** Free text: absent keeps the base, null becomes "" (API.md: absent free text is ""). */
    private static String text(JsonInput in, String field, int max, String base) {
        if (in.isNull(field)) {
            return "";
        }
        return in.string(field, false, max).orElse(in.has(field) ? "" : base);
    }
}
