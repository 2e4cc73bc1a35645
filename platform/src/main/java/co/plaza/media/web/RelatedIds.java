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
        String value = raw.strip();
        if (value.matches("\\d{1,18}") && type != null) {
            return LegacyIds.of(type.legacyTable(), Long.parseLong(value));
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw DomainException.field("related_id", "error.invalid_id");
        }
    }
}
