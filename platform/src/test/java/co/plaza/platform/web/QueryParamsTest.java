package co.plaza.platform.web;

import co.plaza.platform.errors.DomainException;

import co.plaza.common.api.LegacyIds;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Hostile query strings: each bad parameter is a 400 naming it, all at once; nothing is a 500. */
class QueryParamsTest {

    private static QueryParams params(String... pairs) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/x");
        for (int i = 0; i < pairs.length; i += 2) {
            request.addParameter(pairs[i], pairs[i + 1]);
        }
        return QueryParams.of(request);
    }

    /** The parameter names of the one 400 that validate() throws, each with its message keys. */
    private static Map<String, List<String>> errors(QueryParams in) {
        try {
            in.validate();
        } catch (DomainException e) {
            assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID);
            return e.fieldErrors();
        }
        return Map.of();
    }

    @Test
    void wrongTypesAndHugeNumbersAreFieldErrorsReportedTogether() {
        QueryParams in = params("lat", "norte", "lon", "1e400", "radius_km", "NaN", "min_price", "1e999999999",
                "max_price", "99999999999999999999", "n", "99999999999999999999", "flag", "quizás");
        assertThat(in.number("lat", true, -90, 90)).isNull();
        assertThat(in.number("lon", true, -180, 180)).isNull();
        assertThat(in.number("radius_km", false, 0, 100)).isNull();
        assertThat(in.decimal("min_price", new BigDecimal("9999999999.99"))).isNull();
        assertThat(in.decimal("max_price", new BigDecimal("9999999999.99"))).isNull();
        assertThat(in.integer("n", 1, 1, 1000)).isNull();
        assertThat(in.bool("flag")).isNull();
        assertThat(errors(in)).containsExactly(
                Map.entry("lat", List.of("error.invalid_type")),
                Map.entry("lon", List.of("error.out_of_range")),
                Map.entry("radius_km", List.of("error.out_of_range")),
                Map.entry("min_price", List.of("error.out_of_range")),
                Map.entry("max_price", List.of("error.out_of_range")),
                Map.entry("n", List.of("error.out_of_range")),
                Map.entry("flag", List.of("error.invalid_type")));
    }

    @Test
    void goodValuesParseAndBlankIsAbsent() {
        UUID id = UUID.randomUUID();
        QueryParams in = params("lat", " 4.6 ", "min_price", "1200.50", "n", "-3", "flag", "Yes", "user", id.toString(),
                "category", "42", "search", "   ", "tags", " a, ,b ,c", "kind", "b");
        assertThat(in.number("lat", true, -90, 90)).isEqualTo(4.6);
        assertThat(in.decimal("min_price", BigDecimal.TEN.pow(12))).isEqualByComparingTo("1200.50");
        assertThat(in.integer("n", 1, -5, 5)).isEqualTo(-3);
        assertThat(in.integer("absent", 7, 1, 10)).isEqualTo(7);
        assertThat(in.bool("flag")).isTrue();
        assertThat(in.id("user", "auth_user")).isEqualTo(id);
        assertThat(in.id("category", "marketplace_category")).isEqualTo(LegacyIds.of("marketplace_category", 42));
        assertThat(in.string("search")).isNull();
        assertThat(in.list("tags", 5)).containsExactly("a", "b", "c");
        Integer kind = in.choice("kind", Map.of("a", 1, "b", 2), 0);
        Integer none = in.choice("none", Map.of("a", 1), 0);
        assertThat(kind).isEqualTo(2);
        assertThat(none).isZero();
        assertThat(errors(in)).isEmpty();
    }

    @Test
    void idsAreCanonicalUuidsOrLegacyIntegers() {
        QueryParams in = params("a", "1-1-1-1-1", "b", "1234567890123456789", "c", "12; DROP TABLE", "d", "7");
        assertThat(in.id("a", "t")).isNull();
        assertThat(in.id("b", "t")).as("19 digits is no legacy id").isNull();
        assertThat(in.id("c", "t")).isNull();
        assertThat(in.id("d", null)).as("an integer needs the kind of object").isNull();
        assertThat(errors(in).keySet()).containsExactly("a", "b", "c", "d");
    }

    @Test
    void overlongValuesAndTooManyItemsAreRefused() {
        QueryParams in = params("search", "x".repeat(QueryParams.MAX_LENGTH + 1), "city", "y".repeat(QueryParams.MAX_LENGTH),
                "tags", "a,b,c", "lat", "1".repeat(5000));
        assertThat(in.string("search")).isNull();
        assertThat(in.string("city")).hasSize(QueryParams.MAX_LENGTH);
        assertThat(in.list("tags", 2)).isEmpty();
        assertThat(in.number("lat", true, -90, 90)).isNull();
        assertThat(errors(in)).containsExactly(Map.entry("search", List.of("error.too_long")),
                Map.entry("tags", List.of("error.out_of_range")), Map.entry("lat", List.of("error.too_long")));
    }

    @Test
    void aRepeatedParameterCountsByItsLastValueAsDjangoReadsIt() {
        QueryParams in = params("condition", "broken", "condition", "new", "status", "new", "status", "gone");
        String condition = in.choice("condition", v -> {
            if (!v.equals("new")) {
                throw new IllegalArgumentException(v);
            }
            return v;
        });
        assertThat(condition).isEqualTo("new");
        Integer status = in.choice("status", Map.of("new", 1), null);
        assertThat(status).isNull();
        assertThat(errors(in)).containsOnlyKeys("status");
    }

    @Test
    void requiredMissingIsNamed() {
        QueryParams in = params("lon", "");
        in.number("lat", true, -90, 90);
        in.number("lon", true, -180, 180);
        assertThat(errors(in)).containsExactly(Map.entry("lat", List.of("error.required")),
                Map.entry("lon", List.of("error.required")));
    }

    @Test
    void pagesAreDrfsAndNeverOverflow() {
        assertThat(params().page()).isEqualTo(new PageParams(1, 20));
        assertThat(params("page_size", "0").page().pageSize()).as("DRF falls back to the default").isEqualTo(20);
        assertThat(params("page_size", "-5").page().pageSize()).isEqualTo(20);
        assertThat(params("page_size", "abc").page().pageSize()).isEqualTo(20);
        assertThat(params("page_size", "99999999999999999999").page().pageSize()).isEqualTo(20);
        assertThat(params("page_size", "5000").page().pageSize()).as("clamped").isEqualTo(100);
        for (String page : List.of("0", "-1", "abc", "99999999999999999999", "1.5")) {
            assertThatThrownBy(() -> params("page", page).page()).as(page)
                    .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.NOT_FOUND));
        }
        PageParams last = params("page", String.valueOf(Integer.MAX_VALUE), "page_size", "100").page();
        assertThat(last.offset()).isEqualTo((Integer.MAX_VALUE - 1L) * 100);
    }
}
