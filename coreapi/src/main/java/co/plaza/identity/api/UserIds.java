package co.plaza.identity.api;

public final class UserIds {
    /** The monolith's user table, for the deterministic ids of migrated users. */
    public static final String LEGACY_TABLE = "authentication_user";

    private UserIds() {
    }
}
