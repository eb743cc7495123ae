package io.lede.db;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A native {@code where} clause under construction, with its named parameters and full-text
 * search in the database's own terms. PostgreSQL matches a {@code tsvector} with
 * {@code websearch_to_tsquery} and ranks by {@code ts_rank}; H2 has no such search, so every word
 * must appear in one of the text columns (case-insensitive) and the rank weighs where it appears.
 */
public final class SqlFilter {

    private static final int MAX_FALLBACK_WORDS = 8;

    private final boolean postgres;
    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> params = new LinkedHashMap<>();

    SqlFilter(boolean postgres) {
        this.postgres = postgres;
    }

    /** Adds a condition written with a {@code ?} where the value goes. */
    public SqlFilter and(String condition, Object value) {
        conditions.add(condition.replace("?", bind(value)));
        return this;
    }

    public SqlFilter and(String condition) {
        conditions.add(condition);
        return this;
    }

    /** Registers a value and returns its placeholder, for SQL built around the filter (keysets). */
    public String bind(Object value) {
        String name = "p" + params.size();
        params.put(name, value);
        return ":" + name;
    }

    public String where() {
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    Map<String, Object> params() {
        return params;
    }

    /** A condition true for rows whose text matches {@code q}. */
    public String matches(TextSearch search, String q) {
        if (postgres) {
            return search.vectorColumn() + " @@ websearch_to_tsquery('simple', " + bind(q) + ")";
        }
        List<String> each = new ArrayList<>();
        for (String word : words(q)) {
            String pattern = bind(likePattern(word));
            each.add("(" + String.join(" or ", search.columnsByWeight().stream().map(column -> like(column, pattern)).toList()) + ")");
        }
        return each.isEmpty() ? "1 = 0" : String.join(" and ", each);
    }

    /** An expression ranking rows by how well their text matches {@code q}; higher is better. */
    public String rank(TextSearch search, String q) {
        if (postgres) {
            return "ts_rank(" + search.vectorColumn() + ", websearch_to_tsquery('simple', " + bind(q) + "))";
        }
        List<String> scores = new ArrayList<>();
        for (String word : words(q)) {
            String pattern = bind(likePattern(word));
            List<String> columns = search.columnsByWeight();
            for (int i = 0; i < columns.size(); i++) {
                int weight = 1 << (columns.size() - 1 - i);
                scores.add("case when " + like(columns.get(i), pattern) + " then " + weight + " else 0 end");
            }
        }
        return "cast(" + (scores.isEmpty() ? "0" : String.join(" + ", scores)) + " as real)";
    }

    private static String like(String column, String pattern) {
        return "lower(coalesce(" + column + ", '')) like " + pattern + " escape '\\'";
    }

    /** A LIKE pattern matching text that contains {@code word} literally (use with {@code escape '\'}). */
    public static String likePattern(String word) {
        return "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static List<String> words(String q) {
        List<String> words = new ArrayList<>();
        for (String word : q.toLowerCase(Locale.ROOT).split("[\\s\"]+")) {
            if (!word.isBlank() && words.size() < MAX_FALLBACK_WORDS) {
                words.add(word);
            }
        }
        return words;
    }
}
