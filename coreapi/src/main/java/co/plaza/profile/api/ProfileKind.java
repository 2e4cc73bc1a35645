package co.plaza.profile.api;

import co.plaza.identity.api.Role;

import java.util.Optional;

public enum ProfileKind {
    SPECIALIST("specialists", "profiles_specialistprofile"),
    BUSINESSMAN("businessmen", "profiles_businessmanprofile"),
    CONSUMER("consumers", "profiles_consumerprofile");

    /** The path segments of the three kinds, for request mappings. */
    public static final String PATH_SEGMENTS = "specialists|businessmen|consumers";

    private final String pathSegment;
    private final String legacyTable;

    ProfileKind(String pathSegment, String legacyTable) {
        this.pathSegment = pathSegment;
        this.legacyTable = legacyTable;
    }

    /** Each role is served by the profile of the same kind (profiles know roles; identity knows no profiles). */
    public static ProfileKind of(Role role) {
        return valueOf(role.name());
    }

    public String wire() {
        return name().toLowerCase();
    }

    /** The monolith's table, for the deterministic ids of migrated profiles. */
    public String legacyTable() {
        return legacyTable;
    }

    public static Optional<ProfileKind> fromPathSegment(String segment) {
        for (ProfileKind kind : values()) {
            if (kind.pathSegment.equals(segment)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
