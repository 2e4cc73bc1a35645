package co.plaza.identity.command.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OneTimeCodesTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final String PHONE = "+573001234567";

    private final OneTimeCodes codes = new OneTimeCodes(KEY);

    @Test
    void codesAreSixDigitsWithLeadingZerosKeptAndSpreadOut() {
        Set<String> seen = new HashSet<>();
        int[] firstDigits = new int[10];
        for (int i = 0; i < 20_000; i++) {
            String code = codes.newCode();
            assertThat(code).matches("\\d{6}");
            seen.add(code);
            firstDigits[code.charAt(0) - '0']++;
        }
        // ~2,000 expected per leading digit (incl. '0'); a biased or zero-dropping generator fails this.
        assertThat(Arrays.stream(firstDigits).boxed()).allSatisfy(count -> assertThat(count).isBetween(1_500, 2_500));
        assertThat(seen.size()).isGreaterThan(19_000);
    }

    @Test
    void hashIsHexHmacSha256OfPhoneAndCode() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal((PHONE + ":012345").getBytes(StandardCharsets.UTF_8)));

        assertThat(codes.hash("012345", PHONE)).isEqualTo(expected).hasSize(64).matches("[0-9a-f]+");
    }

    @Test
    void matchesOnlyTheSameCodeForTheSamePhone() {
        String code = codes.newCode();
        String hash = codes.hash(code, PHONE);

        assertThat(codes.matches(code, PHONE, hash)).isTrue();
        assertThat(codes.matches(code, PHONE, hash.toUpperCase())).isTrue();
        assertThat(codes.matches(otherCode(code), PHONE, hash)).isFalse();
        assertThat(codes.matches(code, "+573001234568", hash)).isFalse();
    }

    @Test
    void leadingZerosMatter() {
        String hash = codes.hash("000123", PHONE);

        assertThat(codes.matches("000123", PHONE, hash)).isTrue();
        assertThat(codes.matches("123", PHONE, hash)).isFalse();
        assertThat(codes.matches("0000123", PHONE, hash)).isFalse();
    }

    @Test
    void theServerKeyIsPartOfTheHash() {
        byte[] otherKey = Arrays.copyOf(KEY, KEY.length);
        otherKey[0] ^= 1;
        OneTimeCodes otherServer = new OneTimeCodes(otherKey);

        assertThat(otherServer.hash("123456", PHONE)).isNotEqualTo(codes.hash("123456", PHONE));
        assertThat(otherServer.matches("123456", PHONE, codes.hash("123456", PHONE))).isFalse();
    }

    @Test
    void keyIsCopiedOnConstruction() {
        byte[] key = Arrays.copyOf(KEY, KEY.length);
        OneTimeCodes fromCopy = new OneTimeCodes(key);
        String before = fromCopy.hash("123456", PHONE);
        Arrays.fill(key, (byte) 0);

        assertThat(fromCopy.hash("123456", PHONE)).isEqualTo(before).isEqualTo(codes.hash("123456", PHONE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "12345", "1234567", "12345a", " 123456", "１２３４５６", "-12345"})
    void malformedCodesNeverMatch(String code) {
        String hash = codes.hash("123456", PHONE);

        assertThat(codes.matches(code, PHONE, hash)).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> codes.hash(code, PHONE));
    }

    @Test
    void malformedInputNeverMatchesOrThrows() {
        String hash = codes.hash("123456", PHONE);

        assertThat(codes.matches(null, PHONE, hash)).isFalse();
        assertThat(codes.matches("123456", null, hash)).isFalse();
        assertThat(codes.matches("123456", PHONE, null)).isFalse();
        assertThat(codes.matches("123456", PHONE, "")).isFalse();
        assertThat(codes.matches("123456", PHONE, "not hex")).isFalse();
        assertThat(codes.matches("123456", PHONE, "abc")).isFalse();
        assertThat(codes.matches("123456", PHONE, hash.substring(0, 62))).isFalse();
        assertThat(codes.matches("123456", PHONE, hash + "00")).isFalse();
    }

    @Test
    void rejectsWeakKeys() {
        assertThatNullPointerException().isThrownBy(() -> new OneTimeCodes(null));
        assertThatIllegalArgumentException().isThrownBy(() -> new OneTimeCodes(new byte[31]));
    }

    private static String otherCode(String code) {
        int next = (Integer.parseInt(code) + 1) % 1_000_000;
        return String.format("%06d", next);
    }
}
