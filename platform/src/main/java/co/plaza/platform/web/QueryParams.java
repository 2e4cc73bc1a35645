package co.plaza.platform.web;

import co.plaza.platform.errors.DomainException;

import co.plaza.common.api.LegacyIds;
import co.plaza.platform.elasticsearch.TextFolding;
import jakarta.servlet.http.HttpServletRequest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Reads query parameters the way DRF filters do, the twin of {@link JsonInput}: a blank parameter is absent, a
 * repeated one counts by its last value (Django's {@code QueryDict}), a wrong type, a value out of range, an
 * unknown choice or an overlong value is a field error naming the parameter, and every error of the request is
 * reported at once by {@link #validate()} as one 400 in the DRF shape. Pagination ({@link #page()}) is read here
 * too; a search's pages, however deep, are {@code SearchPages}'.
 */
public final class QueryParams {

    /** Longer values are refused: no filter of the API needs more, and a search never should scan more. */
    public static final int MAX_LENGTH = 200;
    /**
     * A {@code search} has at most this many words, each at most {@link #MAX_SEARCH_WORD} characters once folded
     * (NFKD can make one character several): no person's search is longer, and every word becomes one wildcard
     * clause per searchable field, so 10 words stay far under Elasticsearch's clause limit (1,024) and its
     * automaton limits (a single word of a few hundred characters failed the search).
     */
    public static final int MAX_SEARCH_WORDS = 10;
    public static final int MAX_SEARCH_WORD = 100;

    private final HttpServletRequest request;
    private final Map<String, List<String>> errors = new LinkedHashMap<>();

    private QueryParams(HttpServletRequest request) {
        this.request = request;
    }

    public static QueryParams of(HttpServletRequest request) {
        return new QueryParams(request);
    }

    public void error(String name, String messageKey) {
        errors.computeIfAbsent(name, k -> new ArrayList<>()).add(messageKey);
    }

    /** Throws the collected parameter errors as one 400. */
    public void validate() {
        if (!errors.isEmpty()) {
            throw DomainException.fields(errors);
        }
    }

    /** The stripped last value, null when absent or blank. */
    private String raw(String name) {
        return last(request, name);
    }

    /** The last value of a parameter as Django's {@code QueryDict} reads it, stripped; null when absent or blank. */
    static String last(HttpServletRequest request, String name) {
        String[] values = request.getParameterValues(name);
        if (values == null || values.length == 0) {
            return null;
        }
        String value = values[values.length - 1];
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A free-text value (e.g. {@code search}), at most {@code maxLength} characters. */
    public String string(String name, int maxLength) {
        String value = raw(name);
        if (value != null && value.length() > maxLength) {
            error(name, "error.too_long");
            return null;
        }
        if (value != null && !StorableText.isStorable(value)) {
            error(name, StorableText.ERROR);
            return null;
        }
        return value;
    }

    public String string(String name) {
        return string(name, MAX_LENGTH);
    }

    /** {@code ?search=}: free text of at most {@link #MAX_SEARCH_WORDS} words of {@link #MAX_SEARCH_WORD} characters. */
    public String search() {
        String value = string("search");
        List<String> words = TextFolding.words(value);
        if (words.size() > MAX_SEARCH_WORDS) {
            error("search", "error.search_too_many_words");
            return null;
        }
        if (words.stream().anyMatch(w -> w.length() > MAX_SEARCH_WORD)) {
            error("search", "error.search_word_too_long");
            return null;
        }
        return value;
    }

    /** A whole number in {@code [min, max]}; {@code defaultValue} when absent. */
    public Integer integer(String name, Integer defaultValue, int min, int max) {
        String value = string(name, 40);
        if (value == null) {
            return defaultValue;
        }
        if (!value.matches("[+-]?\\d+")) {
            error(name, "error.invalid_type");
            return null;
        }
        BigDecimal n = new BigDecimal(value);
        if (n.compareTo(BigDecimal.valueOf(min)) < 0 || n.compareTo(BigDecimal.valueOf(max)) > 0) {
            error(name, "error.out_of_range");
            return null;
        }
        return n.intValueExact();
    }

    /** A finite number in {@code [min, max]}. */
    public Double number(String name, boolean required, double min, double max) {
        String value = string(name, 40);
        if (value == null) {
            if (required && !errors.containsKey(name)) {
                error(name, "error.required");
            }
            return null;
        }
        try {
            double d = Double.parseDouble(value);
            if (!Double.isFinite(d) || d < min || d > max) {
                error(name, "error.out_of_range");
                return null;
            }
            return d;
        } catch (NumberFormatException e) {
            error(name, "error.invalid_type");
            return null;
        }
    }

    /** An exact decimal with {@code |value| <= maxAbs} (so {@code 1e999999999} is out of range, not a huge number). */
    public BigDecimal decimal(String name, BigDecimal maxAbs) {
        String value = string(name, 40);
        if (value == null) {
            return null;
        }
        try {
            BigDecimal d = new BigDecimal(value);
            if (d.abs().compareTo(maxAbs) > 0) {
                error(name, "error.out_of_range");
                return null;
            }
            return d;
        } catch (NumberFormatException | ArithmeticException e) {
            error(name, "error.invalid_type");
            return null;
        }
    }

    /** DRF's boolean filter words: true/false, 1/0, yes/no, on/off. */
    public Boolean bool(String name) {
        String value = string(name, 10);
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on" -> Boolean.TRUE;
            case "false", "0", "no", "off" -> Boolean.FALSE;
            default -> {
                error(name, "error.invalid_type");
                yield null;
            }
        };
    }

    /**
     * An ISO-8601 instant: {@code 2026-12-01T10:15:30Z}, with an offset ({@code -05:00}) or without one (UTC, as the
     * contract's timestamps are). A {@code +} of an offset that arrived unencoded reads as a space and is taken back.
     */
    public Instant instant(String name) {
        String value = string(name, 40);
        if (value == null) {
            return null;
        }
        String text = value.replace(' ', '+');
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                error(name, "error.invalid_value");
                return null;
            }
        }
    }

    /** One of a fixed set of wire values: {@code parser} throws IllegalArgumentException for anything else. */
    public <E> E choice(String name, Function<String, E> parser) {
        String value = string(name, 40);
        if (value == null) {
            return null;
        }
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            error(name, "error.invalid_choice");
            return null;
        }
    }

    /** One of the given wire values, as {@code choices} maps them; absent gives {@code defaultValue}. */
    public <E> E choice(String name, Map<String, E> choices, E defaultValue) {
        String value = string(name, 40);
        if (value == null) {
            return defaultValue;
        }
        E chosen = choices.get(value);
        if (chosen == null) {
            error(name, "error.invalid_choice");
        }
        return chosen;
    }

    /** A UUID or the legacy integer id of an object of {@code legacyTable} ({@link LegacyIds#parse}). */
    public UUID id(String name, String legacyTable) {
        String value = string(name, 40);
        if (value == null) {
            return null;
        }
        Optional<UUID> id = LegacyIds.parse(value, legacyTable);
        if (id.isEmpty()) {
            error(name, "error.invalid_id");
        }
        return id.orElse(null);
    }

    /** A comma-separated list of at most {@code maxItems} non-blank items, each stripped. */
    public List<String> list(String name, int maxItems) {
        String value = string(name);
        if (value == null) {
            return List.of();
        }
        List<String> items = Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (items.size() > maxItems) {
            error(name, "error.out_of_range");
            return List.of();
        }
        return items;
    }

    /** {@code ?page=} and {@code ?page_size=} as DRF reads them ({@link PageParams}). */
    public PageParams page() {
        return PageParams.from(request);
    }
}
