package co.plaza.common.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Deterministic ids for migrated objects: UUIDv5 of {@code <legacy table>:<legacy id>} in Plaza's
 * namespace (API.md, Conventions), so the ETL can be re-run and paths with legacy ids resolve.
 */
public final class LegacyIds {

    public static final UUID NAMESPACE = UUID.fromString("6f1c3a52-8a43-4c9e-9a55-5f6c1d0e7b21");

    private LegacyIds() {
    }

    private static final java.util.regex.Pattern LEGACY = java.util.regex.Pattern.compile("\\d{1,18}");
    private static final java.util.regex.Pattern CANONICAL = java.util.regex.Pattern.compile(
            "\\p{XDigit}{8}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{12}");

    /**
     * An id as clients send it (paths, query parameters, bodies): a canonical UUID, or the monolith's integer id of
     * an object of {@code legacyTable}, resolved to its deterministic UUID. Empty for anything else, or for an
     * integer when {@code legacyTable} is null (the kind of object is not known).
     */
    public static java.util.Optional<UUID> parse(String raw, String legacyTable) {
        if (raw == null) {
            return java.util.Optional.empty();
        }
        String value = raw.strip();
        if (LEGACY.matcher(value).matches()) {
            return legacyTable == null ? java.util.Optional.empty()
                    : java.util.Optional.of(of(legacyTable, Long.parseLong(value)));
        }
        return CANONICAL.matcher(value).matches() ? java.util.Optional.of(UUID.fromString(value))
                : java.util.Optional.empty();
    }

    public static UUID of(String legacyTable, long legacyId) {
        return nameBased(NAMESPACE, legacyTable + ":" + legacyId);
    }

    /** RFC 4122 name-based UUID, version 5 (SHA-1). */
    public static UUID nameBased(UUID namespace, String name) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(toBytes(namespace));
            sha1.update(name.getBytes(StandardCharsets.UTF_8));
            byte[] hash = sha1.digest();
            hash[6] &= 0x0f;
            hash[6] |= 0x50;
            hash[8] &= 0x3f;
            hash[8] |= (byte) 0x80;
            long msb = 0;
            long lsb = 0;
            for (int i = 0; i < 8; i++) {
                msb = (msb << 8) | (hash[i] & 0xff);
            }
            for (int i = 8; i < 16; i++) {
                lsb = (lsb << 8) | (hash[i] & 0xff);
            }
            return new UUID(msb, lsb);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required by the JDK", e);
        }
    }

    private static byte[] toBytes(UUID uuid) {
        byte[] out = new byte[16];
        long msb = uuid.getMostSignificantBits();
        long lsb = uuid.getLeastSignificantBits();
        for (int i = 0; i < 8; i++) {
            out[i] = (byte) (msb >>> (8 * (7 - i)));
            out[8 + i] = (byte) (lsb >>> (8 * (7 - i)));
        }
        return out;
    }
}
