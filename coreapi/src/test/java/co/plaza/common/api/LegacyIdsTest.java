package co.plaza.common.api;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Expected values computed with Python's {@code uuid.uuid5}, the reference the ETL is checked against. */
class LegacyIdsTest {

    private static final UUID DNS = UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8");

    @Test
    void matchesPythonUuid5ForTheLegacyNamespace() {
        // uuid.uuid5(uuid.UUID('6f1c3a52-8a43-4c9e-9a55-5f6c1d0e7b21'), 'add_add:123')
        assertThat(LegacyIds.of("add_add", 123))
                .isEqualTo(UUID.fromString("4a23575c-b2a2-51c1-a65f-4bbd0c910648"));
        // uuid.uuid5(uuid.UUID('6f1c3a52-8a43-4c9e-9a55-5f6c1d0e7b21'), 'authentication_user:1')
        assertThat(LegacyIds.of("authentication_user", 1))
                .isEqualTo(UUID.fromString("1dc817de-39a0-506f-87b0-c8ba9d465cff"));
    }

    @Test
    void matchesTheRfc4122NameBasedAlgorithm() {
        // uuid.uuid5(uuid.NAMESPACE_DNS, 'python.org')
        assertThat(LegacyIds.nameBased(DNS, "python.org"))
                .isEqualTo(UUID.fromString("886313e1-3b8a-5372-9b90-0c9aee199e5d"));
        // names are hashed as UTF-8: uuid.uuid5(NAMESPACE, 'ñandú:1')
        assertThat(LegacyIds.nameBased(LegacyIds.NAMESPACE, "ñandú:1"))
                .isEqualTo(UUID.fromString("6c5d0a18-36a8-5f7f-8d11-8cbce1b86bbf"));
    }

    @Test
    void isVersion5WithTheRfcVariant() {
        UUID id = LegacyIds.of("profiles_specialistprofile", 42);
        assertThat(id.version()).isEqualTo(5);
        assertThat(id.variant()).isEqualTo(2);
    }

    @Test
    void isDeterministicAndDistinguishesTableAndId() {
        assertThat(LegacyIds.of("add_add", 123)).isEqualTo(LegacyIds.of("add_add", 123));
        assertThat(LegacyIds.of("add_add", 123)).isEqualTo(LegacyIds.nameBased(LegacyIds.NAMESPACE, "add_add:123"));
        assertThat(LegacyIds.of("add_add", 123)).isNotEqualTo(LegacyIds.of("add_add", 124));
        assertThat(LegacyIds.of("add_add", 123)).isNotEqualTo(LegacyIds.of("authentication_user", 123));
        assertThat(LegacyIds.nameBased(DNS, "add_add:123")).isNotEqualTo(LegacyIds.of("add_add", 123));

        Set<UUID> ids = new HashSet<>();
        for (long i = 1; i <= 10_000; i++) {
            ids.add(LegacyIds.of("authentication_user", i));
        }
        assertThat(ids).hasSize(10_000);
    }
}
