package co.plaza.identity.command.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import co.plaza.identity.command.credentials.NormalizedPhone.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersTest {

    private final PhoneNumbers phones = new PhoneNumbers();

    @ParameterizedTest
    @ValueSource(strings = {"+57 300 123 4567", "(300) 123-4567", "3001234567", "300-123-4567", "300 123 4567",
            " 300.123.4567 ", "+573001234567", "57 300 123 4567", "+57 (300) 123-4567"})
    void normalizesColombianMobileNumbers(String raw) {
        assertThat(phones.normalize(raw)).contains("+573001234567");
        assertThat(phones.parse(raw)).isEqualTo(NormalizedPhone.valid("+573001234567"));
    }

    @Test
    void normalizesColombianLandlinesAndForeignNumbers() {
        assertThat(phones.normalize("601 234 5678")).contains("+576012345678");
        assertThat(phones.normalize("+1 (650) 253-0000")).contains("+16502530000");
        assertThat(phones.normalize("+34 612 34 56 78")).contains("+34612345678");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\t\n"})
    void blankIsNotInvalid(String raw) {
        assertThat(phones.isBlank(raw)).isTrue();
        assertThat(phones.parse(raw).status()).isEqualTo(Status.BLANK);
        assertThat(phones.parse(raw).e164()).isNull();
        assertThat(phones.normalize(raw)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "12", "300123", "30012345678901234", "+57", "+999 300 123 4567", "()-", "++57300",
            "1234567", "+57 1234567"})
    void garbageIsInvalid(String raw) {
        NormalizedPhone result = phones.parse(raw);

        assertThat(result.status()).isEqualTo(Status.INVALID);
        assertThat(result.isValid()).isFalse();
        assertThat(result.e164()).isNull();
        assertThat(phones.normalize(raw)).isEmpty();
        assertThat(phones.isBlank(raw)).isFalse();
    }

    @Test
    void overlongInputIsInvalidNotAnError() {
        assertThat(phones.parse("3".repeat(10_000)).status()).isEqualTo(Status.INVALID);
    }

    @Test
    void defaultRegionIsConfigurable() {
        PhoneNumbers us = new PhoneNumbers("US");

        assertThat(us.normalize("(650) 253-0000")).contains("+16502530000");
        assertThat(us.normalize("+57 300 123 4567")).contains("+573001234567");
        assertThatIllegalArgumentException().isThrownBy(() -> new PhoneNumbers("XX"));
        assertThatIllegalArgumentException().isThrownBy(() -> new PhoneNumbers("co"));
    }

    @Test
    void resultInvariantsHold() {
        assertThatIllegalArgumentException().isThrownBy(() -> new NormalizedPhone(Status.VALID, null));
        assertThatIllegalArgumentException().isThrownBy(() -> new NormalizedPhone(Status.INVALID, "+573001234567"));
        assertThat(NormalizedPhone.valid("+573001234567").toOptional()).contains("+573001234567");
        assertThat(NormalizedPhone.blank().toOptional()).isEmpty();
    }
}
