package co.plaza.platform.web;

import co.plaza.platform.errors.DomainException;
import co.plaza.common.api.LegacyIds;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Reads a JSON request body the way DRF serializers do: unknown fields are ignored, a wrong type or an
 * unknown enum value is a field error, and every error of the body is reported at once. With
 * {@code partial} (PATCH) absent fields are simply absent; otherwise required fields must be there.
 * The bytes became the tree in {@link JsonBodyReader} (size cap, strict UTF-8, one JSON value).
 */
public final class JsonInput {

    private final JsonNode body;
    private final boolean partial;
    private final Map<String, List<String>> errors = new LinkedHashMap<>();

    private JsonInput(JsonNode body, boolean partial) {
        this.body = body;
        this.partial = partial;
    }

    /** No body at all reads as {@code {}}; a body of {@code null}, like any other non-object, is a 400. */
    public static JsonInput of(JsonNode body, boolean partial) {
        if (body == null || body.isMissingNode()) {
            body = new ObjectNode(null);
        }
        if (!body.isObject()) {
            throw DomainException.invalid("error.body_not_object");
        }
        return new JsonInput(body, partial);
    }

    public boolean has(String field) {
        return body.has(field);
    }

    public void error(String field, String messageKey) {
        errors.computeIfAbsent(field, k -> new ArrayList<>()).add(messageKey);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** Throws the collected field errors as one 400. */
    public void validate() {
        if (!errors.isEmpty()) {
            throw DomainException.fields(errors);
        }
    }

    private boolean missing(String field, boolean required) {
        JsonNode node = body.get(field);
        if (node == null) {
            if (required && !partial) {
                error(field, "error.required");
            }
            return true;
        }
        return false;
    }

    /**
     * A string; null or absent gives empty, a blank required value is an error. Only a JSON string is text: a
     * boolean or a number given for it is a wrong type (it would otherwise be stored as "true").
     */
    public Optional<String> string(String field, boolean required, int maxLength) {
        return text(field, required, maxLength, false);
    }

    /** The text of an id that may be a UUID or a legacy integer id (a JSON string or a whole number). */
    public Optional<String> idText(String field, boolean required) {
        return text(field, required, 64, true);
    }

    /** {@code integersToo}: ids, where a legacy integer id may come as a JSON number. */
    private Optional<String> text(String field, boolean required, int maxLength, boolean integersToo) {
        JsonNode node = value(field, required);
        if (node == null) {
            return Optional.empty();
        }
        if (!node.isTextual() && !(integersToo && node.isIntegralNumber())) {
            error(field, "error.invalid_type");
            return Optional.empty();
        }
        String value = node.asText();
        if (!StorableText.isStorable(value)) {
            error(field, StorableText.ERROR);
            return Optional.empty();
        }
        if (required && value.isBlank()) {
            error(field, "error.blank");
            return Optional.empty();
        }
        if (value.length() > maxLength) {
            error(field, "error.too_long");
            return Optional.empty();
        }
        return Optional.of(value);
    }

    public Optional<Boolean> bool(String field, boolean required) {
        JsonNode node = value(field, required);
        if (node == null) {
            return Optional.empty();
        }
        if (node.isBoolean()) {
            return Optional.of(node.asBoolean());
        }
        if (node.isTextual() && (node.asText().equalsIgnoreCase("true") || node.asText().equalsIgnoreCase("false"))) {
            return Optional.of(Boolean.parseBoolean(node.asText()));
        }
        error(field, "error.invalid_type");
        return Optional.empty();
    }

    /**
     * A present key with null value; callers use it to clear optional numbers. Absent keys are
     * {@code Optional.empty()} from the typed readers, so {@code isNull} tells "set to null" apart.
     */
    public boolean isNull(String field) {
        return body.has(field) && body.get(field).isNull();
    }

    /** The field's value, or null when absent or JSON null (recording the error when it was required). */
    private JsonNode value(String field, boolean required) {
        if (missing(field, required)) {
            return null;
        }
        JsonNode node = body.get(field);
        if (node.isNull()) {
            if (required) {
                error(field, "error.null");
            }
            return null;
        }
        return node;
    }

    public Optional<Integer> integer(String field, boolean required, int min, int max) {
        JsonNode node = value(field, required);
        if (node == null) {
            return Optional.empty();
        }
        try {
            long value;
            if (node.isIntegralNumber()) {
                if (!node.canConvertToLong()) {
                    // past a long: asLong() would wrap round to some small number
                    error(field, "error.out_of_range");
                    return Optional.empty();
                }
                value = node.asLong();
            } else if (node.isTextual()) {
                value = Long.parseLong(node.asText().trim());
            } else {
                error(field, "error.invalid_type");
                return Optional.empty();
            }
            if (value < min || value > max) {
                error(field, "error.out_of_range");
                return Optional.empty();
            }
            return Optional.of((int) value);
        } catch (NumberFormatException e) {
            error(field, "error.invalid_type");
            return Optional.empty();
        }
    }

    /** A decimal given as a number or a string, with at most {@code scale} decimals. */
    public Optional<BigDecimal> decimal(String field, boolean required, BigDecimal min, BigDecimal max, int scale) {
        JsonNode node = value(field, required);
        if (node == null) {
            return Optional.empty();
        }
        try {
            BigDecimal value;
            if (node.isNumber()) {
                value = node.decimalValue();
            } else if (node.isTextual()) {
                value = new BigDecimal(node.asText().trim());
            } else {
                error(field, "error.invalid_type");
                return Optional.empty();
            }
            if ((min != null && value.compareTo(min) < 0) || (max != null && value.compareTo(max) > 0)) {
                error(field, "error.out_of_range");
                return Optional.empty();
            }
            if (value.stripTrailingZeros().scale() > scale) {
                error(field, "error.too_many_decimals");
                return Optional.empty();
            }
            return Optional.of(value.setScale(scale, RoundingMode.UNNECESSARY));
        } catch (NumberFormatException | ArithmeticException e) {
            error(field, "error.invalid_type");
            return Optional.empty();
        }
    }

    public Optional<Double> number(String field, boolean required, double min, double max) {
        JsonNode node = value(field, required);
        if (node == null) {
            return Optional.empty();
        }
        double value;
        if (node.isNumber()) {
            value = node.asDouble();
        } else if (node.isTextual()) {
            try {
                value = Double.parseDouble(node.asText().trim());
            } catch (NumberFormatException e) {
                error(field, "error.invalid_type");
                return Optional.empty();
            }
        } else {
            error(field, "error.invalid_type");
            return Optional.empty();
        }
        if (!Double.isFinite(value) || value < min || value > max) {
            error(field, "error.out_of_range");
            return Optional.empty();
        }
        return Optional.of(value);
    }

    public Optional<UUID> uuid(String field, boolean required) {
        return string(field, required, 64).flatMap(s -> {
            try {
                return Optional.of(UUID.fromString(s));
            } catch (IllegalArgumentException e) {
                error(field, "error.invalid_id");
                return Optional.empty();
            }
        });
    }

    /** A UUID or the legacy integer id of an object of {@code legacyTable} ({@link LegacyIds#parse}). */
    public Optional<UUID> id(String field, boolean required, String legacyTable) {
        return text(field, required, 64, true).flatMap(s -> {
            Optional<UUID> id = LegacyIds.parse(s, legacyTable);
            if (id.isEmpty()) {
                error(field, "error.invalid_id");
            }
            return id;
        });
    }

    /** One of a fixed set of wire values; anything else is a 400 naming the field. */
    public <E> Optional<E> choice(String field, boolean required, Function<String, E> parser) {
        return string(field, required, 64).flatMap(s -> {
            try {
                return Optional.of(parser.apply(s));
            } catch (IllegalArgumentException e) {
                error(field, "error.invalid_choice");
                return Optional.empty();
            }
        });
    }

    /** A JSON object field, as is. */
    public Optional<JsonNode> object(String field, boolean required) {
        JsonNode node = value(field, required);
        if (node == null) {
            return Optional.empty();
        }
        if (!node.isObject()) {
            error(field, "error.invalid_type");
            return Optional.empty();
        }
        if (!storable(node)) {
            // JSONB holds no NUL either, in keys or in values at any depth
            error(field, StorableText.ERROR);
            return Optional.empty();
        }
        return Optional.of(node);
    }

    private static boolean storable(JsonNode node) {
        if (node.isTextual()) {
            return StorableText.isStorable(node.asText());
        }
        for (var fields = node.fields(); fields.hasNext(); ) {
            var entry = fields.next();
            if (!StorableText.isStorable(entry.getKey()) || !storable(entry.getValue())) {
                return false;
            }
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                if (!storable(element)) {
                    return false;
                }
            }
        }
        return true;
    }
}
