package co.plaza.marketplace.api;

/** The monolith's tables, for the deterministic ids of migrated ads, categories and follows. */
public final class MarketplaceIds {
    public static final String ADD_TABLE = "add_add";
    public static final String CATEGORY_TABLE = "add_category";
    public static final String FOLLOW_TABLE = "add_follow";

    private MarketplaceIds() {
    }
}
