package co.plaza.media.web;

import co.plaza.common.api.LegacyIds;
import co.plaza.media.api.RelatedType;
import co.plaza.platform.errors.DomainException;

import java.util.UUID;

/** A {@code related_id} as clients send it: a UUID, or the monolith's integer id of an object of that type. */
public final class RelatedIds {
    private RelatedIds() {
    }

    public static UUID parse(String raw, RelatedType type) {
        return LegacyIds.parse(raw, type == null ? null : type.legacyTable())
                .orElseThrow(() -> DomainException.field("related_id", "error.invalid_id"));
    }
}
