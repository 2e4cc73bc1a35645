package co.plaza.marketplace.api;

import co.plaza.common.api.Viewer;
import co.plaza.media.api.MediaRef;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

public final class AdQueries {
    private AdQueries() {
    }


    /** A live ad as {@code viewer} may see it ({@link AdView#visibleTo}); empty when not, as when deleted. */
    public record FindAdQuery(UUID addId, Viewer viewer) {
    }

    public enum Ordering { NEWEST, OLDEST, PRICE, PRICE_DESC }

    /**
     * The list filters (API.md, Marketplace). Of the {@code statuses} asked for, paused ads are listed only as
     * {@link AdView#visibleTo} shows them to {@code viewer}: their owner's, or all of them for admins.
     * {@code near} set makes it a nearby search, nearest first.
     */
    public record ListAdsQuery(String search, UUID categoryId, BigDecimal minPrice, BigDecimal maxPrice,
                                AdCondition condition, String city, Set<UUID> users, Set<AdStatus> statuses,
                                Viewer viewer, Ordering ordering, Near near, int page, int pageSize) {
    }

    public record Near(double lat, double lon, double radiusKm) {
    }

    public record AdView(UUID id, Long legacyId, UUID userId, AdDetails details, AdStatus status,
                          List<MediaRef> images, long viewsCount, Instant createdAt, Instant updatedAt, long version,
                          boolean ownerActive, Double distanceKm) {

        /**
         * API.md, Marketplace: a paused ad, or an ad of a deactivated owner, is seen by its owner and admins only;
         * to anyone else it does not exist (a 404, also to a change). Deleted ads are never found at all.
         */
        public boolean visibleTo(Viewer viewer) {
            return viewer.ownsOrAdministers(userId) || (status != AdStatus.PAUSED && ownerActive);
        }

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
