package co.plaza.marketplace.command.web;

import co.plaza.marketplace.api.AdCondition;
import co.plaza.marketplace.api.AdDetails;
import co.plaza.marketplace.api.MarketplaceIds;
import co.plaza.platform.web.JsonInput;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Optional;
import java.util.UUID;

/** Reads an ad body over a base (the current ad for PUT/PATCH, defaults for POST); collects every field error. */
final class AdInput {

    static final AdDetails DEFAULTS = new AdDetails("", "", null, "COP", null, null, null, null, "", "");
    private static final BigDecimal MAX_PRICE = new BigDecimal("9999999999.99");

    private AdInput() {
    }

    static AdDetails read(JsonInput in, AdDetails b) {
        String title = in.string("title", true, 200).map(String::strip).orElse(b.title());
        if (in.has("title") && title.length() < 3 && !in.hasErrors()) {
            in.error("title", "error.too_short");
        }
        String description = text(in, "description", 20_000, b.description());
        BigDecimal price = in.isNull("price") ? null
                : in.decimal("price", false, BigDecimal.ZERO, MAX_PRICE, 2).orElse(in.has("price") ? null : b.price());
        String currency = in.string("currency", false, 3).map(String::strip).orElse(b.currency());
        if (in.has("currency") && !in.isNull("currency") && !isCurrency(currency)) {
            in.error("currency", "error.invalid_currency");
        }
        if (in.isNull("currency")) {
            currency = "COP";
        }
        AdCondition condition = in.choice("condition", true, AdCondition::fromWire).orElse(b.condition());
        UUID category = in.isNull("category") ? null : categoryId(in).orElse(in.has("category") ? null : b.categoryId());
        Double lat = in.isNull("latitude") ? null
                : in.number("latitude", false, -90, 90).orElse(in.has("latitude") ? null : b.latitude());
        Double lon = in.isNull("longitude") ? null
                : in.number("longitude", false, -180, 180).orElse(in.has("longitude") ? null : b.longitude());
        if ((lat == null) != (lon == null) && !in.hasErrors()) {
            in.error(lat == null ? "latitude" : "longitude", "error.coordinates_pair");
        }
        String address = text(in, "address", 255, b.address());
        String city = text(in, "city", 100, b.city());
        in.validate();
        return new AdDetails(title, description, price, currency, condition, category, lat, lon, address, city);
    }

    private static boolean isCurrency(String code) {
        try {
            return code != null && code.equals(Currency.getInstance(code).getCurrencyCode());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** A category id is a UUID or a migrated category's legacy integer id. */
    private static Optional<UUID> categoryId(JsonInput in) {
        return in.id("category", false, MarketplaceIds.CATEGORY_TABLE);
    }

    /** Free text: absent keeps the base, null becomes "" (API.md: absent free text is ""). */
    static String text(JsonInput in, String field, int max, String base) {
        if (in.isNull(field)) {
            return "";
        }
        return in.string(field, false, max).orElse(in.has(field) ? "" : base);
    }
}
