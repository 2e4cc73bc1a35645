package co.plaza.identity.command.credentials;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCrypt;

/**
 * Hashes new passwords with Argon2id and verifies both our own hashes and the ones imported from the
 * legacy Django site ({@code pbkdf2_sha256$...} and {@code bcrypt_sha256$...}), so that those users can
 * log in once and get rehashed ({@link #needsUpgrade}).
 */
public class PasswordHasher {

    /** OWASP ASVS 5.0 / OWASP Password Storage Cheat Sheet minimum for Argon2id. */
    public static final int MEMORY_KIB = 19_456;
    public static final int ITERATIONS = 2;
    public static final int PARALLELISM = 1;
    public static final int SALT_LENGTH = 16;
    public static final int HASH_LENGTH = 32;

    // PHC string format; checked up front because Spring logs a stack trace per malformed hash.
    private static final Pattern ARGON2_FORMAT = Pattern.compile(
            "\\$argon2(?:id|i|d)\\$(?:v=\\d{1,3}\\$)?m=(\\d{1,9}),t=(\\d{1,9}),p=(\\d{1,9})"
                    + "\\$[A-Za-z0-9+/]+={0,2}\\$[A-Za-z0-9+/]+={0,2}");
    // A corrupt row must not make us allocate gigabytes or spin for minutes.
    private static final int MAX_ARGON2_MEMORY_KIB = 1 << 20;
    private static final int MAX_ARGON2_ITERATIONS = 64;
    private static final int MAX_ARGON2_PARALLELISM = 16;
    private static final String ARGON2ID_PREFIX = "$argon2id$";
    private static final String DJANGO_PBKDF2_PREFIX = "pbkdf2_sha256$";
    private static final String DJANGO_BCRYPT_SHA256_PREFIX = "bcrypt_sha256$";
    // Django stores 32-byte (SHA-256 sized) PBKDF2 output.
    private static final int DJANGO_PBKDF2_LENGTH = 32;
    // Guards against a corrupt row pinning a CPU; Django 5.2 itself uses 1,000,000.
    private static final int MAX_PBKDF2_ITERATIONS = 10_000_000;

    private final Argon2PasswordEncoder argon2;
    private final String currentParams;
    private final String dummyHash;

    public PasswordHasher() {
        this(MEMORY_KIB, ITERATIONS, PARALLELISM);
    }

    public PasswordHasher(int memoryKib, int iterations, int parallelism) {
        this.argon2 = new Argon2PasswordEncoder(SALT_LENGTH, HASH_LENGTH, parallelism, memoryKib, iterations);
        this.currentParams = "m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism;
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        // Same parameters as real hashes, so a miss costs what a hit costs; nobody knows its password.
        this.dummyHash = argon2.encode(Base64.getEncoder().encodeToString(random));
    }

    public String hash(String raw) {
        Objects.requireNonNull(raw, "raw password");
        return argon2.encode(raw);
    }

    /**
     * Never throws: an unknown, unusable ({@code !...}) or corrupt stored value simply does not verify.
     * Those still cost one Argon2 run so that accounts without a usable password can't be told apart by timing.
     */
    public boolean verify(String raw, String stored) {
        if (raw == null) {
            return false;
        }
        try {
            if (stored != null && isSaneArgon2(stored)) {
                return argon2.matches(raw, stored);
            }
            if (stored != null && stored.startsWith(DJANGO_PBKDF2_PREFIX)) {
                return verifyDjangoPbkdf2(raw, stored);
            }
            if (stored != null && stored.startsWith(DJANGO_BCRYPT_SHA256_PREFIX)) {
                return verifyDjangoBcryptSha256(raw, stored);
            }
        } catch (RuntimeException | GeneralSecurityException e) {
            // corrupt stored value: treated like an unusable one below
        }
        burnTime(raw);
        return false;
    }

    /** True for anything that is not an Argon2id hash with exactly the current parameters. */
    public boolean needsUpgrade(String stored) {
        if (stored == null || !stored.startsWith(ARGON2ID_PREFIX)) {
            return true;
        }
        // $argon2id$v=19$m=..,t=..,p=..$salt$hash
        String[] parts = stored.split("\\$", -1);
        if (parts.length != 6 || !"v=19".equals(parts[2]) || !currentParams.equals(parts[3])) {
            return true;
        }
        return decodedLength(parts[4]) != SALT_LENGTH || decodedLength(parts[5]) != HASH_LENGTH;
    }

    /** Call instead of {@link #verify} when the account does not exist, so both paths take about as long. */
    public void burnTime(String raw) {
        argon2.matches(raw == null ? "" : raw, dummyHash);
    }

    private static boolean isSaneArgon2(String stored) {
        Matcher m = ARGON2_FORMAT.matcher(stored);
        return m.matches()
                && Integer.parseInt(m.group(1)) <= MAX_ARGON2_MEMORY_KIB
                && Integer.parseInt(m.group(2)) <= MAX_ARGON2_ITERATIONS
                && Integer.parseInt(m.group(3)) <= MAX_ARGON2_PARALLELISM;
    }

    private static boolean verifyDjangoPbkdf2(String raw, String stored) throws GeneralSecurityException {
        String[] parts = stored.split("\\$", -1);
        if (parts.length != 4 || parts[2].isEmpty()) {
            return false;
        }
        int iterations = Integer.parseInt(parts[1]);
        if (iterations < 1 || iterations > MAX_PBKDF2_ITERATIONS) {
            return false;
        }
        byte[] expected = Base64.getDecoder().decode(parts[3]);
        if (expected.length != DJANGO_PBKDF2_LENGTH) {
            return false;
        }
        // SunJCE feeds the password chars to HMAC as UTF-8, matching Django's password.encode().
        PBEKeySpec spec = new PBEKeySpec(raw.toCharArray(), parts[2].getBytes(StandardCharsets.UTF_8),
                iterations, expected.length * 8);
        try {
            byte[] actual = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            return MessageDigest.isEqual(expected, actual);
        } finally {
            spec.clearPassword();
        }
    }

    private static boolean verifyDjangoBcryptSha256(String raw, String stored) throws GeneralSecurityException {
        // Django: "bcrypt_sha256$" + bcrypt(hex(sha256(password))), the prehash lifts bcrypt's 72-byte limit.
        String bcryptHash = stored.substring(DJANGO_BCRYPT_SHA256_PREFIX.length());
        if (!bcryptHash.startsWith("$2")) {
            return false;
        }
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(raw.getBytes(StandardCharsets.UTF_8));
        // checkpw compares without early return.
        return BCrypt.checkpw(HexFormat.of().formatHex(digest), bcryptHash);
    }

    private static int decodedLength(String base64) {
        try {
            return Base64.getDecoder().decode(base64).length;
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }
}
