package io.lede.db;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The languages PostgreSQL's full-text search stems, by primary subtag, with the built-in text
 * search configuration of each; any other language is analysed with {@code simple} (lower-cased
 * words, no stemming, no stop words). Migration V13 stores each text's vector with the
 * configuration of its language; a query cannot know which language the text it should find is
 * in, so it is analysed in every configuration and the results are OR-ed into one {@code tsquery}:
 * one GIN index serves all languages, and "ferries" finds English "ferry" as "Häfen" finds German
 * "Hafen".
 */
public final class SearchLanguages {

    /** Primary subtag to configuration; the order is the order of the OR-ed query. */
    public static final Map<String, String> STEMMED = stemmed();

    public static final String UNSTEMMED = "simple";

    private SearchLanguages() {
    }

    private static Map<String, String> stemmed() {
        Map<String, String> configs = new LinkedHashMap<>();
        configs.put("en", "english");
        configs.put("de", "german");
        configs.put("ru", "russian");
        configs.put("fr", "french");
        configs.put("es", "spanish");
        return configs;
    }

    /** SQL for the configuration of the language in {@code languageColumn}: the expression V13 stores vectors with. */
    public static String configOf(String languageColumn) {
        return "case split_part(lower(" + languageColumn + "), '-', 1) "
                + STEMMED.entrySet().stream().map(e -> "when '" + e.getKey() + "' then '" + e.getValue() + "'::regconfig")
                        .collect(Collectors.joining(" "))
                + " else '" + UNSTEMMED + "'::regconfig end";
    }

    /** SQL for a {@code tsquery} matching text of any language: the query analysed in each configuration, OR-ed. */
    public static String anyLanguage(String queryParameter) {
        return "(" + STEMMED.values().stream().map(config -> websearch(config, queryParameter)).collect(Collectors.joining(" || "))
                + " || " + websearch(UNSTEMMED, queryParameter) + ")";
    }

    /**
     * SQL for a {@code tsquery} of text that matches {@code included} in some language and
     * {@code excluded} in none. Excluded words ({@code -word}) cannot stay inside each language's
     * query: OR-ed, the German analysis of "lighthouse -keeper" ('lighthous' and not 'keep') would
     * let through an English text that says "keeper".
     */
    public static String anyLanguage(String includedParameter, String excludedParameter) {
        String included = includedParameter == null ? null : anyLanguage(includedParameter);
        String excluded = excludedParameter == null ? null : "!!" + anyLanguage(excludedParameter);
        return included == null ? excluded : excluded == null ? included : "(" + included + " && " + excluded + ")";
    }

    /**
     * Web-search syntax split into what must match and, as one {@code or} query, what must not
     * ({@code -word}, {@code -"a phrase"}): {@code [included, excluded]}, either null when empty.
     */
    /**
     * {@code q} with the dashes {@code websearch_to_tsquery} would read as nested NOTs taken out: a
     * dash stays where it negates (once, at the start of a word or phrase) or joins (between letters
     * or digits); any other becomes a space. PostgreSQL fails with "tsquery stack too small" on a
     * few dozen nested NOTs ("----…", "- - - …"), and a search's syntax is never an error.
     */
    public static String defused(String q) {
        StringBuilder out = new StringBuilder(q.length());
        for (int i = 0; i < q.length(); i++) {
            char c = q.charAt(i);
            if (c != '-') {
                out.append(c);
                continue;
            }
            char before = i > 0 ? q.charAt(i - 1) : ' ';
            char after = i + 1 < q.length() ? q.charAt(i + 1) : ' ';
            boolean joins = Character.isLetterOrDigit(before) && Character.isLetterOrDigit(after);
            boolean negates = Character.isWhitespace(before) && (Character.isLetterOrDigit(after) || after == '"');
            out.append(joins || negates ? '-' : ' ');
        }
        return out.toString();
    }

    public static String[] splitExclusions(String q) {
        StringBuilder included = new StringBuilder();
        StringBuilder excluded = new StringBuilder();
        int i = 0;
        while (i < q.length()) {
            if (Character.isWhitespace(q.charAt(i))) {
                i++;
                continue;
            }
            boolean negated = q.charAt(i) == '-' && i + 1 < q.length() && !Character.isWhitespace(q.charAt(i + 1));
            int start = negated ? i + 1 : i;
            int end;
            if (q.charAt(start) == '"') {
                int close = q.indexOf('"', start + 1);
                end = close < 0 ? q.length() : close + 1;
            } else {
                end = start;
                while (end < q.length() && !Character.isWhitespace(q.charAt(end))) {
                    end++;
                }
            }
            StringBuilder part = negated ? excluded : included;
            part.append(part.isEmpty() ? "" : negated ? " or " : " ").append(q, start, end);
            i = end;
        }
        return new String[] { included.isEmpty() ? null : included.toString(), excluded.isEmpty() ? null : excluded.toString() };
    }

    static String websearch(String config, String queryParameter) {
        return "websearch_to_tsquery('" + config + "', " + queryParameter + ")";
    }
}
