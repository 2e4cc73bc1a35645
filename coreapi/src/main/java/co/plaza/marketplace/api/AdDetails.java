package co.plaza.marketplace.api;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * The fields of an ad its owner writes. {@code price} null is "price on request" (never 0); latitude and
 * longitude are both set or both null.
 */
public record AdDetails(String title, String description, BigDecimal price, String currency, AdCondition condition,
                         UUID categoryId, Double latitude, Double longitude, String address, String city) {
}
