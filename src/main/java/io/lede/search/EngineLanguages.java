package io.lede.search;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The languages the search engine stems, by primary subtag, with OpenSearch's built-in analyzer of
 * each (module analysis-common): the same languages as the database's search (io.lede.db.SearchLanguages,
 * which a test keeps in step). Any other language is analysed by {@code standard}: words lower-cased,
 * no stemming, no stop words, as PostgreSQL's {@code simple}. Each language has fields of its own,
 * and a text is indexed only in the fields of its language; a query is matched against all of them,
 * each analysing it in its language, so a text matches if it matches in its own.
 */
final class EngineLanguages {

    /** Field suffix to analyzer; the last one is for every other language. */
    static final Map<String, String> ANALYZERS = analyzers();

    static final String OTHER = "other";

    private EngineLanguages() {
    }

    private static Map<String, String> analyzers() {
        Map<String, String> analyzers = new LinkedHashMap<>();
        analyzers.put("en", "english");
        analyzers.put("de", "german");
        analyzers.put("ru", "russian");
        analyzers.put("fr", "french");
        analyzers.put("es", "spanish");
        analyzers.put(OTHER, "standard");
        return analyzers;
    }

    /** The field suffix for a language tag: its primary subtag when stemmed ({@code en-GB}: en), else {@link #OTHER}. */
    static String suffixOf(String language) {
        if (language == null) {
            return OTHER;
        }
        String primary = language.toLowerCase(Locale.ROOT).split("-", 2)[0];
        return ANALYZERS.containsKey(primary) && !primary.equals(OTHER) ? primary : OTHER;
    }
}
