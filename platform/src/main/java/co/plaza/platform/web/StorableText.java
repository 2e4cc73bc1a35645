package co.plaza.platform.web;

/**
 * What text a read model can hold: PostgreSQL text and JSONB cannot store NUL, and control characters, lone
 * surrogates and non-characters are never meant by a person, only by a hostile client. Such text never becomes an
 * event (one event that a projection cannot store would stop that read model for everyone), so both input layers
 * ({@link JsonInput}, {@link QueryParams}) refuse it with a 400 naming the field.
 */
public final class StorableText {

    public static final String ERROR = "error.invalid_characters";

    private StorableText() {
    }

    /** Tab, line feed and carriage return are free text's; every other control character is refused. */
    public static boolean isStorable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                int code = Character.toCodePoint(c, text.charAt(++i));
                if (isNonCharacter(code)) {
                    return false;
                }
            } else if (Character.isLowSurrogate(c)
                    || (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
                    || (c >= 0x7F && c <= 0x9F)
                    || isNonCharacter(c)) {
                return false;
            }
        }
        return true;
    }

    /** U+FDD0..U+FDEF and the last two code points of every plane (U+FFFE, U+FFFF, U+1FFFE, ...). */
    private static boolean isNonCharacter(int code) {
        return (code >= 0xFDD0 && code <= 0xFDEF) || (code & 0xFFFE) == 0xFFFE;
    }
}
