package io.lede.db;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.lede.text.HighlightMarks;
import io.lede.text.SearchSyntax;

/**
 * A native {@code where} clause under construction, with its named parameters and full-text
 * search in the database's own terms, read by {@link SearchSyntax}. PostgreSQL matches a
 * {@code tsvector} with a {@code tsquery} of phrases in each language ({@link SearchLanguages}) and
 * ranks by {@code ts_rank}; H2 has no such search, so each term must appear literally in one of the
 * text columns (case-insensitive), and the rank weighs where it appears.
 */
public final class SqlFilter {

    private static final int MAX_FALLBACK_TERMS = 8;

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

    /** The where clause with more conditions (nulls skipped), leaving this filter as it is. */
    public String where(String... more) {
        List<String> all = new ArrayList<>(conditions);
        for (String condition : more) {
            if (condition != null) {
                all.add(condition);
            }
        }
        return all.isEmpty() ? "" : " where " + String.join(" and ", all);
    }

    public boolean isPostgres() {
        return postgres;
    }

    Map<String, Object> params() {
        return params;
    }

    /** A condition true for rows whose text matches {@code q}: the GIN index's operator on PostgreSQL. */
    public String matches(TextSearch search, String q) {
        if (postgres) {
            return search.vectorColumn() + " @@ " + tsquery(search, q);
        }
        SearchSyntax syntax = fallbackSyntax(q);
        if (syntax.isEmpty()) {
            return "1 = 0";
        }
        List<String> each = new ArrayList<>();
        for (List<String> group : syntax.included()) {
            each.add(group.stream().map(term -> contains(search, term)).collect(Collectors.joining(" or ", "(", ")")));
        }
        for (String term : syntax.excluded()) {
            each.add("not " + contains(search, term));
        }
        return String.join(" and ", each);
    }

    /** Whether one of the text columns holds the term, ignoring case (H2). */
    private String contains(TextSearch search, String term) {
        String pattern = bind(likePattern(term));
        return "(" + search.columnsByWeight().stream().map(column -> like(column, pattern)).collect(Collectors.joining(" or ")) + ")";
    }

    /**
     * An expression ranking rows by how well their text matches {@code q}, boosted by recency;
     * higher is better. It is {@code ln(text rank) + ln 2 * days(time - 2000-01-01) / half-life}:
     * ordering by it is ordering by {@code text rank * 2^(-age / half-life)}, the text rank halved
     * for every {@link #RECENCY_HALF_LIFE_DAYS} days of age, but anchored at a fixed date rather
     * than at now, so a row's score does not change between two pages and cursors stay valid.
     * Cast to {@code real}, the type a cursor carries, so a row compares equal to its own cursor.
     */
    public String rank(TextSearch search, String q, String time) {
        return "cast(ln(" + textRank(search, q) + ") + " + recency(time) + " as real)";
    }

    /** Days of age that halve a search result's score with {@code sort=relevance}. */
    public static final int RECENCY_HALF_LIFE_DAYS = 180;

    private String recency(String time) {
        String days = postgres
                ? "extract(epoch from (" + time + " - timestamptz '2000-01-01 00:00:00+00')) / 86400.0"
                : "datediff('SECOND', timestamp with time zone '2000-01-01 00:00:00+00', " + time + ") / 86400.0";
        return "(" + days + ") * " + Math.log(2) / RECENCY_HALF_LIFE_DAYS;
    }

    /**
     * The text rank, never zero (its logarithm is taken): PostgreSQL's {@code ts_rank} over the
     * weighted vector (a headline match outweighs a standfirst one, which outweighs the body); on
     * H2 a weight per column each word occurs in, headline heaviest.
     */
    private String textRank(TextSearch search, String q) {
        if (postgres) {
            return "greatest(ts_rank(" + search.vectorColumn() + ", " + tsquery(search, q) + "), 1e-6)";
        }
        List<String> scores = new ArrayList<>();
        for (String term : fallbackSyntax(q).includedTerms()) {
            String pattern = bind(likePattern(term));
            List<String> columns = search.columnsByWeight();
            for (int i = 0; i < columns.size(); i++) {
                int weight = 1 << (columns.size() - 1 - i);
                scores.add("case when " + like(columns.get(i), pattern) + " then " + weight + " else 0 end");
            }
        }
        return "greatest(" + (scores.isEmpty() ? "0" : String.join(" + ", scores)) + ", 1e-6)";
    }

    /**
     * An expression for {@code column}'s text with the matches of {@code q} between
     * {@link HighlightMarks#START} and {@link HighlightMarks#STOP} ({@code ts_headline}, in the
     * row's language), the whole text or, with {@code passage}, up to two passages around matches.
     * On H2 it is the text itself, which {@link HighlightMarks#mark} marks.
     */
    public String highlighted(TextSearch search, String column, String q, boolean passage) {
        if (!postgres) {
            return column;
        }
        String config = search.languageColumn() == null ? "'" + SearchLanguages.UNSTEMMED + "'::regconfig"
                : SearchLanguages.configOf(search.languageColumn());
        String options = "StartSel=" + HighlightMarks.START + ", StopSel=" + HighlightMarks.STOP
                + (passage ? ", MaxFragments=2, MaxWords=30, MinWords=12, FragmentDelimiter=\" … \"" : ", HighlightAll=true");
        // Only what the search looks for is marked: ts_headline would also mark the words of an excluded phrase.
        SearchSyntax syntax = SearchSyntax.of(q);
        return "ts_headline(" + config + ", translate(coalesce(" + column + ", ''), " + bind(HighlightMarks.START + HighlightMarks.STOP)
                + ", ''), " + tsquery(search, new SearchSyntax(syntax.included(), List.of())) + ", " + bind(options) + ")";
    }

    /** The columns {@link #matches} and {@link #rank} read: the vector on PostgreSQL, the texts on H2. */
    public String columns(TextSearch search) {
        return postgres ? search.vectorColumn() : String.join(", ", search.columnsByWeight());
    }

    /** The {@code tsquery} of {@code q}: in every stemmed language and unstemmed when the rows have languages. */
    private String tsquery(TextSearch search, String q) {
        return tsquery(search, SearchSyntax.of(q));
    }

    private String tsquery(TextSearch search, SearchSyntax syntax) {
        List<String> configs = search.languageColumn() == null ? List.of(SearchLanguages.UNSTEMMED) : SearchLanguages.EVERY_CONFIG;
        return SearchLanguages.tsquery(configs, syntax.included().stream().map(this::bindForms).toList(), bindForms(syntax.excluded()));
    }

    /**
     * Placeholders for each term and, for a hyphenated one, the same with spaces, as alternatives.
     * PostgreSQL's parser reads a hyphenated word as the compound besides its parts ("night-ferry":
     * 'night-ferri', 'night', 'ferri'; "19-year-old": '19', 'year-old', 'year', 'old'), in texts as
     * in queries: the term as written finds texts that hyphenate it, the spaced form texts that do
     * not, as OpenSearch (and a reader) find both.
     */
    private List<String> bindForms(List<String> terms) {
        List<String> forms = new ArrayList<>();
        for (String term : terms) {
            forms.add(bind(term));
            if (term.indexOf('-') >= 0) {
                forms.add(bind(term.replace('-', ' ')));
            }
        }
        return forms;
    }

    private static String like(String column, String pattern) {
        return "lower(coalesce(" + column + ", '')) like " + pattern + " escape '\\'";
    }

    /** A LIKE pattern matching text that contains {@code word} literally (use with {@code escape '\'}). */
    public static String likePattern(String word) {
        return "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /**
     * The terms of {@code q} H2's fallback looks for and leaves out, lower-cased: the first
     * {@value #MAX_FALLBACK_TERMS} of each (alternatives count one by one), since each is a LIKE
     * over every text column, in the condition and again in the rank.
     */
    private static SearchSyntax fallbackSyntax(String q) {
        SearchSyntax syntax = SearchSyntax.of(q);
        List<List<String>> included = new ArrayList<>();
        int terms = 0;
        for (List<String> group : syntax.included()) {
            List<String> kept = group.stream().limit(MAX_FALLBACK_TERMS - terms).map(term -> term.toLowerCase(Locale.ROOT)).toList();
            if (kept.isEmpty()) {
                break;
            }
            included.add(kept);
            terms += kept.size();
        }
        return new SearchSyntax(included, syntax.excluded().stream().limit(MAX_FALLBACK_TERMS).map(term -> term.toLowerCase(Locale.ROOT)).toList());
    }

    /** The terms H2's fallback marks in highlights: what it looked for. */
    public static List<String> highlightTerms(String q) {
        return fallbackSyntax(q).includedTerms();
    }
}
