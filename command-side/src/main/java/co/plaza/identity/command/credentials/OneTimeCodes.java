package co.plaza.identity.command.credentials;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Six-digit codes sent by SMS. Only a keyed hash is stored: with a million possible codes a plain hash
 * would be reversed instantly by anyone who reads the event store, the server key prevents that.
 */
public class OneTimeCodes {

    public static final int DIGITS = 6;
    public static final int MIN_KEY_BYTES = 32;

    private static final int BOUND = 1_000_000;
    private static final Pattern CODE = Pattern.compile("\\d{" + DIGITS + "}");
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    public OneTimeCodes(byte[] serverKey) {
        Objects.requireNonNull(serverKey, "serverKey");
        if (serverKey.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("One-time code key must be at least " + MIN_KEY_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(serverKey.clone(), ALGORITHM);
    }

    public String newCode() {
        return String.format("%06d", random.nextInt(BOUND));
    }

    /** Lower-case hex HMAC-SHA256, bound to the phone so a code for one number is worthless for another. */
    public String hash(String code, String phoneE164) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("A one-time code is exactly " + DIGITS + " digits");
        }
        Objects.requireNonNull(phoneE164, "phoneE164");
        return HexFormat.of().formatHex(hmac(phoneE164 + ':' + code));
    }

    /** Constant-time; false for malformed input rather than an exception, since the code comes from the user. */
    public boolean matches(String code, String phoneE164, String hash) {
        if (code == null || phoneE164 == null || hash == null || !CODE.matcher(code).matches()) {
            return false;
        }
        byte[] expected;
        try {
            expected = HexFormat.of().parseHex(hash);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(expected, hmac(phoneE164 + ':' + code));
    }

    private byte[] hmac(String message) {
        try {
            // Mac instances are not thread-safe, and creating one is cheap.
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " unavailable", e);
        }
    }
}
