package io.lede.db;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.lede.text.SearchSyntax;

/**
 * The languages PostgreSQL's full-text search stems, by primary subtag, with the built-in text
 * search configuration of each; any other language is analysed with {@code simple} (lower-cased
 * words, no stemming, no stop words). Migration V13 stores each text's vector with the
 * configuration of its language; a query cannot know which language the text it should find is
 * in, so it is analysed in every configuration and the results are OR-ed into one {@code tsquery}
 * ({@link #tsquery}):
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

    /**
     * SQL for the {@code tsquery} of a search ({@link SearchSyntax}, its terms already bound as
     * parameters) in these configurations: text that matches every group of {@code included} in one
     * of them, and {@code excluded} in none. Each term is a phrase ({@code phraseto_tsquery}: a word's
     * parts next to each other, stop words skipped); excluded terms cannot stay inside each
     * configuration's query: OR-ed, the German analysis of "lighthouse -keeper" ('lighthous' and not
     * 'keep') would let through an English text that says "keeper". Nothing to look for is an empty
     * query, which matches nothing.
     */
    static String tsquery(List<String> configs, List<List<String>> included, List<String> excluded) {
        String wanted = included.isEmpty() ? null : configs.stream().map(config -> included.stream()
                .map(group -> group.stream().map(term -> phrase(config, term)).collect(Collectors.joining(" || ", "(", ")")))
                .collect(Collectors.joining(" && ", "(", ")"))).collect(Collectors.joining(" || ", "(", ")"));
        String unwanted = excluded.isEmpty() ? null : configs.stream().flatMap(config -> excluded.stream().map(term -> phrase(config, term)))
                .collect(Collectors.joining(" || ", "!!(", ")"));
        if (wanted == null && unwanted == null) {
            return "cast('' as tsquery)";
        }
        return wanted == null ? unwanted : unwanted == null ? wanted : "(" + wanted + " && " + unwanted + ")";
    }

    /** Every configuration a query is read in when texts have languages: the stemmed ones, then {@code simple}. */
    static final List<String> EVERY_CONFIG = everyConfig();

    private static List<String> everyConfig() {
        List<String> configs = new ArrayList<>(STEMMED.values());
        configs.add(UNSTEMMED);
        return List.copyOf(configs);
    }

    private static String phrase(String config, String termParameter) {
        return "phraseto_tsquery('" + config + "', " + termParameter + ")";
    }
}
