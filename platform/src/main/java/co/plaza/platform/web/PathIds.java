package co.plaza.platform.web;

import co.plaza.platform.errors.DomainException;
import co.plaza.common.api.LegacyIds;

import java.util.UUID;

/** A path id is a UUID or a legacy integer id, which resolves to the migrated object's deterministic UUID. */
public final class PathIds {

    private PathIds() {
    }

    /** @throws DomainException 404 for anything that is neither */
    public static UUID resolve(String raw, String legacyTable) {
        return LegacyIds.parse(raw, legacyTable).orElseThrow(DomainException::notFound);
    }
}
