package co.plaza.profile.command;

import co.plaza.profile.api.ProfileKind;

import java.util.UUID;

/** A user has at most one profile of each kind: the profile holds the user's slot for its kind. */
public final class ProfileIds {

    private ProfileIds() {
    }

    /** The value a user's profile of one kind reserves, so a user has at most one of each kind. */
    public static String slot(UUID userId, ProfileKind kind) {
        return userId + ":" + kind.name();
    }
}
