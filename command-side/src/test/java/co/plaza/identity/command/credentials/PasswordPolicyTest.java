package co.plaza.identity.command.credentials;

import static co.plaza.identity.command.credentials.PasswordPolicy.TOO_COMMON;
import static co.plaza.identity.command.credentials.PasswordPolicy.TOO_LONG;
import static co.plaza.identity.command.credentials.PasswordPolicy.TOO_SHORT;
import static co.plaza.identity.command.credentials.PasswordPolicy.TOO_SIMILAR;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

    private static final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void acceptsAReasonablePassword() {
        assertThat(policy.validate("plaza-mercado-2024!", "maria", "maria@example.com")).isEmpty();
        assertThat(policy.validate("ocho-car")).isEmpty();
    }

    @Test
    void enforcesLengthInCharactersNotBytesOrUtf16Units() {
        assertThat(policy.validate(null)).containsExactly(TOO_SHORT);
        assertThat(policy.validate("")).containsExactly(TOO_SHORT);
        assertThat(policy.validate("7chars!")).containsExactly(TOO_SHORT);
        assertThat(policy.validate("8chars!!")).isEmpty();
        // 7 emoji are 14 UTF-16 units but only 7 characters
        assertThat(policy.validate("🔑🔑🔑🔑🔑🔑🔑")).containsExactly(TOO_SHORT);
        assertThat(policy.validate("ñ".repeat(128))).isEmpty();
        assertThat(policy.validate("🔑".repeat(128))).isEmpty();
        assertThat(policy.validate("a".repeat(129))).containsExactly(TOO_LONG);
    }

    @ParameterizedTest
    @ValueSource(strings = {"password", "PASSWORD", "Password", "12345678", "123456789", "qwertyuiop",
            "iloveyou", "sunshine", "1qaz2wsx", "trustno1", "PaSsWoRd1"})
    void rejectsCommonPasswordsIgnoringCase(String password) {
        assertThat(policy.validate(password)).containsExactly(TOO_COMMON);
        assertThat(policy.isCommon(password)).isTrue();
    }

    @Test
    void reportsEveryProblemAtOnce() {
        assertThat(policy.validate("password", "password")).containsExactly(TOO_COMMON, TOO_SIMILAR);
        assertThat(policy.validate("ana", "ana")).containsExactly(TOO_SHORT, TOO_SIMILAR);
    }

    @Test
    void rejectsPasswordsEqualToUserAttributes() {
        assertThat(policy.validate("Maria.Perez77", "maria.perez77")).containsExactly(TOO_SIMILAR);
        assertThat(policy.validate("juan.gomez.co", "someone", "Juan.Gomez.CO@Example.com"))
                .containsExactly(TOO_SIMILAR);
        assertThat(policy.validate("juan.gomez.co@example.com", "juan.gomez.co@example.com"))
                .containsExactly(TOO_SIMILAR);
        assertThat(policy.validate("maria.perez77", "  maria.perez77 ")).containsExactly(TOO_SIMILAR);
    }

    @Test
    void similarityIsEqualityNotContainment() {
        assertThat(policy.validate("maria.perez77-plaza", "maria.perez77", "maria.perez77@example.com")).isEmpty();
        assertThat(policy.validate("example.com", "maria@example.com")).isEmpty();
    }

    @Test
    void ignoresMissingAttributes() {
        assertThat(policy.validate("plaza-mercado-2024!", (String[]) null)).isEmpty();
        assertThat(policy.validate("plaza-mercado-2024!", null, "", "  ", "@")).isEmpty();
    }

    @Test
    void customListIsComparedCaseInsensitively() {
        PasswordPolicy custom = new PasswordPolicy(List.of("Medellin2024", "bogota123"));

        assertThat(custom.validate("medellin2024")).containsExactly(TOO_COMMON);
        assertThat(custom.validate("BOGOTA123")).containsExactly(TOO_COMMON);
        assertThat(custom.validate("password")).isEmpty();
    }

    @Test
    void bundledListIsLargeLowercasedAndAttributed() throws Exception {
        assertThat(policy.commonPasswordCount()).isGreaterThan(10_000);

        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                PasswordPolicy.class.getResourceAsStream(PasswordPolicy.COMMON_PASSWORDS_RESOURCE),
                StandardCharsets.UTF_8))) {
            List<String> lines = reader.lines().toList();
            assertThat(lines.get(0)).startsWith("#").contains("@zxcvbn-ts/language-common").contains("MIT");
            List<String> entries = lines.stream().filter(l -> !l.startsWith("#")).toList();
            assertThat(entries).hasSize(policy.commonPasswordCount()).doesNotHaveDuplicates();
            assertThat(entries).allSatisfy(entry -> {
                assertThat(entry).isEqualTo(entry.toLowerCase(Locale.ROOT)).doesNotContainAnyWhitespaces();
                assertThat(entry.codePointCount(0, entry.length())).isGreaterThanOrEqualTo(8);
            });
        }
    }
}
