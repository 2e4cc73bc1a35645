package co.plaza.identity.command.credentials;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * NIST 800-63B / ASVS style rules: length bounds, a blocklist of common passwords and no password equal
 * to the user's own identifiers. Deliberately no composition rules (digits, symbols...).
 */
public class PasswordPolicy {

    public static final String TOO_SHORT = "password_too_short";
    public static final String TOO_LONG = "password_too_long";
    public static final String TOO_COMMON = "password_too_common";
    public static final String TOO_SIMILAR = "password_too_similar";

    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 128;

    public static final String COMMON_PASSWORDS_RESOURCE = "/identity/common-passwords.txt";

    private final Set<String> commonPasswords;

    /** Uses the bundled {@value #COMMON_PASSWORDS_RESOURCE}. */
    public PasswordPolicy() {
        this(loadCommonPasswords());
    }

    public PasswordPolicy(Collection<String> commonPasswords) {
        Set<String> lowered = new HashSet<>(commonPasswords.size() * 2);
        for (String password : commonPasswords) {
            lowered.add(password.toLowerCase(Locale.ROOT));
        }
        this.commonPasswords = Set.copyOf(lowered);
    }

    /**
     * @param userAttributes username, email, ... of the account; nulls and blanks are ignored
     * @return error codes, empty when the password is acceptable
     */
    public List<String> validate(String raw, String... userAttributes) {
        List<String> errors = new ArrayList<>(2);
        if (raw == null) {
            errors.add(TOO_SHORT);
            return errors;
        }
        // Code points, not UTF-16 units: an emoji is one character to the user.
        int length = raw.codePointCount(0, raw.length());
        if (length < MIN_LENGTH) {
            errors.add(TOO_SHORT);
        } else if (length > MAX_LENGTH) {
            errors.add(TOO_LONG);
        }
        String lowered = raw.toLowerCase(Locale.ROOT);
        if (commonPasswords.contains(lowered)) {
            errors.add(TOO_COMMON);
        }
        if (userAttributes != null && matchesAnyAttribute(lowered, userAttributes)) {
            errors.add(TOO_SIMILAR);
        }
        return errors;
    }

    public boolean isCommon(String raw) {
        return raw != null && commonPasswords.contains(raw.toLowerCase(Locale.ROOT));
    }

    int commonPasswordCount() {
        return commonPasswords.size();
    }

    private static boolean matchesAnyAttribute(String lowered, String[] userAttributes) {
        for (String attribute : userAttributes) {
            if (attribute == null || attribute.isBlank()) {
                continue;
            }
            String value = attribute.strip().toLowerCase(Locale.ROOT);
            if (lowered.equals(value)) {
                return true;
            }
            int at = value.lastIndexOf('@');
            if (at > 0 && lowered.equals(value.substring(0, at))) {
                return true;
            }
        }
        return false;
    }

    /** One password a line; lines starting with {@code #} and blank lines are skipped. */
    public static Set<String> loadCommonPasswords() {
        InputStream in = PasswordPolicy.class.getResourceAsStream(COMMON_PASSWORDS_RESOURCE);
        if (in == null) {
            throw new IllegalStateException("Missing classpath resource " + COMMON_PASSWORDS_RESOURCE);
        }
        Set<String> passwords = new HashSet<>(40_000);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isEmpty() && !line.startsWith("#")) {
                    passwords.add(line.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + COMMON_PASSWORDS_RESOURCE, e);
        }
        return passwords;
    }
}
