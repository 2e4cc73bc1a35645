package co.plaza.identity.api;

import co.plaza.profile.api.ProfileKind;

public enum Role {
    SPECIALIST, BUSINESSMAN, CONSUMER;

    public String wire() {
        return name().toLowerCase();
    }

    public static Role fromWire(String value) {
        for (Role r : values()) {
            if (r.wire().equals(value)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown role " + value);
    }

    /** Each role is served by the profile of the same kind. */
    public ProfileKind profileKind() {
        return ProfileKind.valueOf(name());
    }
}
