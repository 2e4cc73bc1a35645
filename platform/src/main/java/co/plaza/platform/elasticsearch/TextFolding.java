package co.plaza.platform.elasticsearch;

import java.text.Normalizer;
import java.util.ArrayList;
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

    /**
     * The longest piece of a folded text kept as one keyword: Lucene refuses a term over 32,766 UTF-8 bytes, and
     * 8,191 characters stay under it whatever they are.
     */
    public static final int MAX_PIECE = 8_191;
    /** Pieces overlap by this much, so a search word up to one longer than it is whole in some piece. */
    public static final int PIECE_OVERLAP = 256;

    private TextFolding() {
    }

    /**
     * A folded text as the keyword values a {@code *word*} wildcard searches, so a long text is searchable to its
     * end: the text itself when it fits one term, else overlapping pieces of at most {@link #MAX_PIECE}
     * characters (a word across a cut is whole in the next piece), never cutting a surrogate pair.
     */
    public static List<String> pieces(String folded) {
        if (folded == null || folded.length() <= MAX_PIECE) {
            return List.of(folded == null ? "" : folded);
        }
        List<String> pieces = new ArrayList<>();
        int start = 0;
        while (true) {
            int end = Math.min(folded.length(), start + MAX_PIECE);
            if (end < folded.length() && Character.isLowSurrogate(folded.charAt(end))) {
                end--;
            }
            pieces.add(folded.substring(start, end));
            if (end == folded.length()) {
                return pieces;
            }
            start = end - PIECE_OVERLAP;
            if (Character.isLowSurrogate(folded.charAt(start))) {
                start--;
            }
        }
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
