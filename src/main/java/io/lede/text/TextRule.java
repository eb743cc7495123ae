package io.lede.text;

/**
 * The one rule every piece of text from a client passes, wherever it arrives (JSON strings, form
 * fields, path segments, query parameters), before it can reach the database, a feed or a log.
 *
 * <p>Refused: C0 and C1 control characters (NUL included: PostgreSQL cannot store it, XML 1.0
 * cannot carry it), lone surrogates (they cannot be encoded as UTF-8, so what was stored would
 * differ from what was sent) and the noncharacters U+FFFE, U+FFFF and their kin. Tab, CR and LF are
 * allowed only in {@linkplain MultilineText multi-line} text. Everything else, including format
 * characters that scripts need (zero-width joiners, directional marks), passes.
 */
public final class TextRule {

    private TextRule() {
    }

    /** Why {@code value} breaks the rule, naming the first offending character; null when it is fine. */
    public static String violation(CharSequence value, boolean multiline) {
        if (value == null) {
            return null;
        }
        int length = value.length();
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c >= 0x20 && c < 0x7F) {
                continue;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < length && Character.isLowSurrogate(value.charAt(i + 1))) {
                    int codePoint = Character.toCodePoint(c, value.charAt(i + 1));
                    if (isNoncharacter(codePoint)) {
                        return "must not contain the noncharacter " + codePoint(codePoint);
                    }
                    i++;
                    continue;
                }
                return "must not contain a lone surrogate (" + codePoint(c) + "): it is not valid Unicode";
            }
            if (Character.isLowSurrogate(c)) {
                return "must not contain a lone surrogate (" + codePoint(c) + "): it is not valid Unicode";
            }
            if (c == '\t' || c == '\n' || c == '\r') {
                if (multiline) {
                    continue;
                }
                return "must be a single line: no tab, carriage return or line feed (" + codePoint(c) + ")";
            }
            if (c < 0x20 || c >= 0x7F && c <= 0x9F) {
                return "must not contain the control character " + codePoint(c);
            }
            if (isNoncharacter(c)) {
                return "must not contain the noncharacter " + codePoint(c);
            }
        }
        return null;
    }

    /** U+FDD0..U+FDEF and the last two code points of every plane. */
    static boolean isNoncharacter(int codePoint) {
        return codePoint >= 0xFDD0 && codePoint <= 0xFDEF || (codePoint & 0xFFFE) == 0xFFFE;
    }

    private static String codePoint(int codePoint) {
        return String.format("U+%04X", codePoint);
    }
}
