package co.plaza.platform.elasticsearch;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Case- and accent-folding done in Java, because the Elasticsearch these machines run has no
 * analysis-common module (no asciifolding filter): documents store folded copies, queries are folded the same way.
 */
public final class TextFolding {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private TextFolding() {
    }

    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        return MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT).trim();
    }

    /** The words of a {@code ?search=} value, folded; every one must match (API.md, Conventions). */
    public static List<String> words(String search) {
        if (search == null || search.isBlank()) {
            return List.of();
        }
        return Arrays.stream(SPACES.split(fold(search))).filter(w -> !w.isEmpty()).toList();
    }

    /** Escapes a word for a wildcard query, so user input cannot inject '*' or '?'. */
    public static String escapeWildcard(String word) {
        return word.replace("\\", "\\\\").replace("*", "\\*").replace("?", "\\?");
    }
}
