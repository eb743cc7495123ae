package io.lede.article;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The link destinations a client could find in paragraph text, and whether each is one we allow
 * (http, https or mailto).
 *
 * <p>Clients render {@code [text](url)} with Markdown readers of their own, and the browser then
 * follows the result. So a destination is read leniently, as the most forgiving of them would:
 * whatever follows {@code ](} up to the matching {@code )}, in {@code <scheme:...>} autolinks, and
 * in {@code [label]: url} definitions. It is then trimmed as a browser trims an {@code href}:
 * white space of any kind, control and invisible formatting characters, and a wrapping {@code <},
 * are dropped at the start, and tabs and line breaks are dropped everywhere (so {@code java\tscript:}
 * is {@code javascript:}). What is left must start with an allowed scheme, literally: a character
 * reference, percent escape or backslash in front of or inside the scheme leaves it not starting
 * with one, so encoded tricks are refused as written and nothing is ever decoded into a scheme.
 */
final class LinkDestinations {

    private static final Pattern ALLOWED = Pattern.compile("^(https?://|mailto:)[^\\s\\p{Cc}].*", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern TABS_AND_BREAKS = Pattern.compile("[\\t\\n\\r]");
    /** {@code <scheme:...>} as CommonMark autolinks it (any scheme of 2 to 32 characters), spaces after {@code <} allowed. */
    private static final Pattern AUTOLINK = Pattern.compile("<[\\s\\p{Cc}\\p{Cf}\\p{Z}]*([A-Za-z][A-Za-z0-9+.\\-]{1,31}:[^\\s<>]*)>");
    /** {@code [label]: destination} at the start of a line. */
    private static final Pattern DEFINITION = Pattern.compile("(?m)^[\\s\\p{Z}]*\\[[^\\]]+\\]:(.*)$");

    private LinkDestinations() {
    }

    /** Whether every destination in the text is allowed; text without links is fine. */
    static boolean allAllowed(String text) {
        return text == null || find(text).stream().allMatch(LinkDestinations::allowed);
    }

    /** Every destination in the text, as written. */
    static List<String> find(String text) {
        List<String> found = new ArrayList<>();
        for (int at = text.indexOf("]("); at >= 0; at = text.indexOf("](", at + 2)) {
            found.add(parenthesised(text, at + 2));
        }
        Matcher autolink = AUTOLINK.matcher(text);
        while (autolink.find()) {
            found.add(autolink.group(1));
        }
        Matcher definition = DEFINITION.matcher(text);
        while (definition.find()) {
            found.add(definition.group(1));
        }
        return found;
    }

    /** Whether a browser would take this destination to an http, https or mailto URL. */
    static boolean allowed(String destination) {
        return ALLOWED.matcher(trimmed(destination)).matches();
    }

    /** The destination as a browser would read it from an {@code href}. */
    static String trimmed(String destination) {
        String text = TABS_AND_BREAKS.matcher(destination).replaceAll("");
        int start = 0;
        while (start < text.length() && (ignoredAtStart(text.charAt(start)) || text.charAt(start) == '<')) {
            start++;
        }
        return text.substring(start);
    }

    /** From {@code start} to the parenthesis that closes the one before it (or the end of the text). */
    private static String parenthesised(String text, int start) {
        int depth = 0;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && depth-- == 0) {
                return text.substring(start, i);
            }
        }
        return text.substring(start);
    }

    /** White space of any kind, controls and invisible formatting characters (BOM, zero-width space). */
    private static boolean ignoredAtStart(char c) {
        int type = Character.getType(c);
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || type == Character.CONTROL || type == Character.FORMAT;
    }
}
