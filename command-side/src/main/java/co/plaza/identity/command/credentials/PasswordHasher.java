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
 * log in once and get rehashed ({@link #needsUpgrade}). Login uses {@link #verifyUniformly}, whose work does not
 * depend on the account.
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

    // PBKDF2 padding runs over a password nobody has with this salt; only its cost matters.
    private static final byte[] PADDING_SALT = "plaza-pbkdf2-pad".getBytes(StandardCharsets.UTF_8);

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
     * Checks a password against one stored hash (a password change: the caller is signed in; login uses
     * {@link #verifyUniformly}). Never throws: an unusable ({@code !...}) or corrupt stored value does not verify.
     */
    public boolean verify(String raw, String stored) {
        if (raw == null) {
            return false;
        }
        try {
            if (stored != null && isSaneArgon2(stored)) {
                return argon2Matches(raw, stored);
            }
            if (stored != null && stored.startsWith(DJANGO_PBKDF2_PREFIX)) {
                return checkDjangoPbkdf2(raw, stored).matches();
            }
            if (stored != null && stored.startsWith(DJANGO_BCRYPT_SHA256_PREFIX)) {
                return verifyDjangoBcryptSha256(raw, stored);
            }
        } catch (RuntimeException | GeneralSecurityException e) {
            // corrupt stored value: treated like an unusable one below
        }
        argon2Matches(raw, dummyHash);
        return false;
    }

    /**
     * Verification for login, where the work done must not tell accounts apart: one Argon2 run and
     * {@code pbkdf2Iterations} PBKDF2-HMAC-SHA256 iterations, whatever {@code stored} is — an Argon2 hash (then a
     * padding PBKDF2), a legacy PBKDF2 hash of up to that many iterations (padded up to it, then a dummy Argon2), an
     * unusable or corrupt value, or null for an account that does not exist (both dummies). {@code pbkdf2Iterations}
     * is the costliest legacy hash still stored, 0 once none is left. Never throws.
     */
    public boolean verifyUniformly(String raw, String stored, int pbkdf2Iterations) {
        String password = raw == null ? "" : raw;
        int padding = Math.min(Math.max(pbkdf2Iterations, 0), MAX_PBKDF2_ITERATIONS);
        boolean argon2Run = false;
        boolean matches = false;
        try {
            if (stored != null && isSaneArgon2(stored)) {
                argon2Run = true;
                matches = argon2Matches(password, stored);
            } else if (stored != null && stored.startsWith(DJANGO_PBKDF2_PREFIX)) {
                Pbkdf2Check check = checkDjangoPbkdf2(password, stored);
                padding -= check.iterations();
                matches = check.matches();
            } else if (stored != null && stored.startsWith(DJANGO_BCRYPT_SHA256_PREFIX)) {
                // no legacy data has these (shared/legacy: PBKDF2 only); they cost one bcrypt more
                matches = verifyDjangoBcryptSha256(password, stored);
            }
        } catch (RuntimeException | GeneralSecurityException e) {
            matches = false;
        }
        try {
            if (!argon2Run) {
                argon2Matches(password, dummyHash);
            }
            if (padding > 0) {
                pbkdf2(password, PADDING_SALT, padding, DJANGO_PBKDF2_LENGTH * 8);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every JDK", e);
        }
        return raw != null && matches;
    }

    /** One Argon2 verification; overridable so that tests can count the work a verification does. */
    protected boolean argon2Matches(String raw, String encoded) {
        return argon2.matches(raw, encoded);
    }

    /** PBKDF2-HMAC-SHA256; overridable so that tests can count the work a verification does. */
    protected byte[] pbkdf2(String raw, byte[] salt, int iterations, int bits) throws GeneralSecurityException {
        // SunJCE feeds the password chars to HMAC as UTF-8, matching Django's password.encode().
        PBEKeySpec spec = new PBEKeySpec(raw.toCharArray(), salt, iterations, bits);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } finally {
            spec.clearPassword();
        }
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


    private static boolean isSaneArgon2(String stored) {
        Matcher m = ARGON2_FORMAT.matcher(stored);
        return m.matches()
                && Integer.parseInt(m.group(1)) <= MAX_ARGON2_MEMORY_KIB
                && Integer.parseInt(m.group(2)) <= MAX_ARGON2_ITERATIONS
                && Integer.parseInt(m.group(3)) <= MAX_ARGON2_PARALLELISM;
    }

    /** Whether it matched, and how many PBKDF2 iterations finding out took (0 for a malformed hash). */
    private record Pbkdf2Check(boolean matches, int iterations) {
    }

    private Pbkdf2Check checkDjangoPbkdf2(String raw, String stored) throws GeneralSecurityException {
        String[] parts = stored.split("\\$", -1);
        if (parts.length != 4 || parts[2].isEmpty()) {
            return new Pbkdf2Check(false, 0);
        }
        int iterations = Integer.parseInt(parts[1]);
        if (iterations < 1 || iterations > MAX_PBKDF2_ITERATIONS) {
            return new Pbkdf2Check(false, 0);
        }
        byte[] expected = Base64.getDecoder().decode(parts[3]);
        if (expected.length != DJANGO_PBKDF2_LENGTH) {
            return new Pbkdf2Check(false, 0);
        }
        byte[] actual = pbkdf2(raw, parts[2].getBytes(StandardCharsets.UTF_8), iterations, expected.length * 8);
        return new Pbkdf2Check(MessageDigest.isEqual(expected, actual), iterations);
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
