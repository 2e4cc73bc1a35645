package co.plaza.coreapi.marketplace;

import co.plaza.coreapi.media.MediaRef;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

public final class AddQueries {
    private AddQueries() {
    }

    /** A live ad (deleted ads are never found); {@code includeHidden} also finds ads of deactivated users. */
    public record FindAddQuery(UUID addId, boolean includeHidden) {
    }

    public enum Ordering { NEWEST, OLDEST, PRICE, PRICE_DESC }

    /**
     * The list filters (API.md, Marketplace). {@code statuses} already reflects who asks; {@code visibleTo} non-null
     * limits paused ads to that owner. {@code near} set makes it a nearby search, nearest first.
     */
    public record ListAddsQuery(String search, UUID categoryId, BigDecimal minPrice, BigDecimal maxPrice,
                                AddCondition condition, String city, Set<UUID> users, Set<AddStatus> statuses,
                                UUID pausedOnlyOf, Ordering ordering, Near near, int page, int pageSize) {

        /** The same filters, first page of one: enough for the exact count. */
        public ListAddsQuery firstPage() {
            return new ListAddsQuery(search, categoryId, minPrice, maxPrice, condition, city, users, statuses,
                    pausedOnlyOf, ordering, near, 1, 1);
        }
    }

    public record Near(double lat, double lon, double radiusKm) {
    }

    /** The ids of a user's live ads and of the follows they are in, for the deletion policy. */
    public record AddsOfUserQuery(UUID userId) {
    }

    public record FollowsOfUserQuery(UUID userId) {
    }

    public record FollowedByQuery(UUID followerId) {
    }

    public record AddView(UUID id, Long legacyId, UUID userId, AddDetails details, AddStatus status,
                          List<MediaRef> images, long viewsCount, Instant createdAt, Instant updatedAt, long version,
                          boolean ownerActive, Double distanceKm) {
        public AddView withDistance(Double km) {
            return new AddView(id, legacyId, userId, details, status, images, viewsCount, createdAt, updatedAt, version,
                    ownerActive, km);
        }

        public AddView withViews(long count) {
            return new AddView(id, legacyId, userId, details, status, images, count, createdAt, updatedAt, version,
                    ownerActive, distanceKm);
        }
    }

    public record AddPage(long count, List<AddView> results) {
    }

    public record FindCategoryQuery(UUID categoryId) {
    }

    public record ListCategoriesQuery(int page, int pageSize) {
    }

    public record CategoryView(UUID id, Long legacyId, String name, String slug, String description, UUID parentId) {
    }

    public record CategoryPage(long count, List<CategoryView> results) {
    }

    public record ListFollowsQuery(UUID followerId, int page, int pageSize) {
    }

    public record FindFollowQuery(UUID followId) {
    }

    public record FollowView(UUID id, Long legacyId, UUID followerId, UUID followedId, Instant createdAt) {
    }

    public record FollowPage(long count, List<FollowView> results) {
    }
}
