package io.lede.text;

import java.util.List;
import java.util.Locale;

/**
 * Matches are first marked with two private-use characters, which cannot come from the text (they
 * are taken out of it first), then the text is HTML-escaped and the marks become {@code <mark>}
 * tags: whatever an article says, a fragment is safe to put into a page as HTML.
 */
public final class HighlightMarks {

    /** Where a match starts and ends, before escaping (U+E000, U+E001). */
    public static final String START = "\uE000";
    public static final String STOP = "\uE001";

    /** Characters around the first match in a passage of a long text. */
    static final int CONTEXT = 80;

    private HighlightMarks() {
    }

    /** The text without the mark characters: what is marked, so only real matches carry marks. */
    public static String unmarked(String text) {
        return text.replace(START, "").replace(STOP, "");
    }

    /** Whether a marked text has at least one match. */
    public static boolean hasMatch(String marked) {
        return marked != null && marked.contains(START);
    }

    /** HTML-escaped ({@link Html#escape}, which leaves the marks alone), with the marks as {@code <mark>} tags. */
    public static String html(String marked) {
        return Html.escape(marked).replace(START, "<mark>").replace(STOP, "</mark>");
    }

    /**
     * Marks every case-insensitive occurrence of the words in {@code text}: how the embedded
     * database, which has no full-text search, highlights what its LIKE fallback matched. With
     * {@code passage} only the text around the first match is kept, as PostgreSQL keeps fragments.
     */
    public static String mark(String text, List<String> words, boolean passage) {
        String clean = unmarked(text);
        String lower = clean.toLowerCase(Locale.ROOT);
        boolean[] matched = new boolean[clean.length()];
        int first = -1;
        for (String word : words) {
            // Only when lower-casing kept the length, so positions in lower are positions in clean.
            if (word.isEmpty() || lower.length() != clean.length()) {
                continue;
            }
            for (int at = lower.indexOf(word); at >= 0; at = lower.indexOf(word, at + word.length())) {
                for (int i = at; i < at + word.length(); i++) {
                    matched[i] = true;
                }
                first = first < 0 ? at : Math.min(first, at);
            }
        }
        if (first < 0) {
            return clean;
        }
        int from = passage ? Math.max(0, first - CONTEXT) : 0;
        int to = passage ? Math.min(clean.length(), first + 2 * CONTEXT) : clean.length();
        // Never between the two halves of a surrogate pair.
        from = from > 0 && Character.isLowSurrogate(clean.charAt(from)) ? from - 1 : from;
        to = to < clean.length() && Character.isLowSurrogate(clean.charAt(to)) ? to + 1 : to;
        StringBuilder out = new StringBuilder();
        for (int i = from; i < to; i++) {
            if (matched[i] && (i == from || !matched[i - 1])) {
                out.append(START);
            }
            out.append(clean.charAt(i));
            if (matched[i] && (i + 1 == to || !matched[i + 1])) {
                out.append(STOP);
            }
        }
        return (from > 0 ? "… " : "") + out + (to < clean.length() ? " …" : "");
    }
}
