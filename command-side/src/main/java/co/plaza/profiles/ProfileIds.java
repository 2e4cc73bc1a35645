package co.plaza.profiles;

import co.plaza.coreapi.common.LegacyIds;
import co.plaza.coreapi.profile.ProfileKind;

import java.util.UUID;

/** Ids of profiles Plaza creates: one per user and kind, deterministic so a retried provisioning is idempotent. */
public final class ProfileIds {

    private static final UUID NAMESPACE = UUID.fromString("a4d1f0c2-7b3e-4e59-8d2a-6c9b0e1f2a37");

    private ProfileIds() {
    }

    public static UUID forUser(UUID userId, ProfileKind kind) {
        return LegacyIds.nameBased(NAMESPACE, kind.name() + ":" + userId);
    }

    /** The value a user's profile of one kind reserves, so a user has at most one of each kind. */
    public static String slot(UUID userId, ProfileKind kind) {
        return userId + ":" + kind.name();
    }
}
