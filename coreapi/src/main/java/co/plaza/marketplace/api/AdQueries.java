package co.plaza.marketplace.api;

import co.plaza.media.api.MediaRef;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

public final class AdQueries {
    private AdQueries() {
    }


    /** A live ad (deleted ads are never found); {@code includeHidden} also finds ads of deactivated users. */
    public record FindAdQuery(UUID addId, boolean includeHidden) {
    }

    public enum Ordering { NEWEST, OLDEST, PRICE, PRICE_DESC }

    /**
     * The list filters (API.md, Marketplace). {@code statuses} already reflects who asks; {@code visibleTo} non-null
     * limits paused ads to that owner. {@code near} set makes it a nearby search, nearest first.
     */
    public record ListAdsQuery(String search, UUID categoryId, BigDecimal minPrice, BigDecimal maxPrice,
                                AdCondition condition, String city, Set<UUID> users, Set<AdStatus> statuses,
                                UUID pausedOnlyOf, Ordering ordering, Near near, int page, int pageSize) {

        /** The same filters, first page of one: enough for the exact count. */
        public ListAdsQuery firstPage() {
            return new ListAdsQuery(search, categoryId, minPrice, maxPrice, condition, city, users, statuses,
                    pausedOnlyOf, ordering, near, 1, 1);
        }
    }

    public record Near(double lat, double lon, double radiusKm) {
    }

    public record AdView(UUID id, Long legacyId, UUID userId, AdDetails details, AdStatus status,
                          List<MediaRef> images, long viewsCount, Instant createdAt, Instant updatedAt, long version,
                          boolean ownerActive, Double distanceKm) {
        public AdView withDistance(Double km) {
            return new AdView(id, legacyId, userId, details, status, images, viewsCount, createdAt, updatedAt, version,
                    ownerActive, km);
        }

        public AdView withViews(long count) {
            return new AdView(id, legacyId, userId, details, status, images, count, createdAt, updatedAt, version,
                    ownerActive, distanceKm);
        }
    }

    public record AdPage(long count, List<AdView> results) {
    }
}
