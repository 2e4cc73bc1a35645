package co.plaza.identity.command;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** How usernames and emails are normalised and compared: NFC, and Unicode case folding for uniqueness. */
public final class Identifiers {

    /** Django's UnicodeUsernameValidator: letters, digits and @ . + - _ */
    private static final Pattern USERNAME = Pattern.compile("^[\\p{L}\\p{N}\\p{M}@.+\\-_]{1,150}$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private Identifiers() {
    }

    public static String nfc(String value) {
        return value == null ? null : Normalizer.normalize(value.trim(), Normalizer.Form.NFC);
    }

    public static boolean isValidUsername(String nfcUsername) {
        return nfcUsername != null && USERNAME.matcher(nfcUsername).matches();
    }

    public static boolean isValidEmail(String email) {
        return email != null && email.length() <= 254 && EMAIL.matcher(email).matches();
    }

    /** Full case folding approximated by upper-then-lower, which folds ß to ss and final sigma like casefold(). */
    public static String fold(String value) {
        if (value == null) {
            return null;
        }
        return nfc(value).toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }
}
