package co.plaza.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StorableTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "\u0001", "bell\u0007", "esc\u001b[31m", "del\u007f", "c1\u0085", "\u009f",
            "lone \ud800 high", "lone \udc00 low", "ends high \ud83d", "\ufffe", "\uffff", "\ufdd0", "\ufdef",
            "plane one \ud83f\udffe", "plane sixteen \udbff\udfff"})
    void textNoReadModelShouldHoldIsRefused(String text) {
        assertThat(StorableText.isStorable(text)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Plomero", "Ñandú en Medellín", "línea uno\nlínea dos", "col\tcol", "crlf\r\n",
            "emoji \ud83d\udeb2", "\ufdcf\ufdf0", "\u00a0no-break", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢"})
    void whatPeopleWriteIsKept(String text) {
        assertThat(StorableText.isStorable(text)).isTrue();
    }

    @Test
    void jsonInputNamesTheFieldOfTextAndOfObjectsAtAnyDepth() {
        ObjectMapper json = new ObjectMapper();
        JsonInput in = JsonInput.of(json.valueToTree(Map.of("profession", "a\u0000b", "city", "Cali",
                "preferences", Map.of("ok", List.of("fine", Map.of("deep", "x\u0000"))),
                "settings", Map.of("k\u0000ey", 1))), true);
        assertThat(in.string("profession", false, 100)).isEmpty();
        assertThat(in.string("city", false, 100)).contains("Cali");
        assertThat(in.object("preferences", false)).isEmpty();
        assertThat(in.object("settings", false)).isEmpty();
        assertThatThrownBy(in::validate).isInstanceOfSatisfying(co.plaza.platform.errors.DomainException.class,
                e -> assertThat(e.fieldErrors()).containsOnlyKeys("profession", "preferences", "settings")
                        .allSatisfy((field, keys) -> assertThat(keys).containsExactly(StorableText.ERROR)));
    }
}
