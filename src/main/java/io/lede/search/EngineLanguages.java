package io.lede.search;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;

/**
 * The languages the search engine stems, by primary subtag, with OpenSearch's built-in analyzer of
 * each (module analysis-common): the same languages as the database's search (io.lede.db.SearchLanguages,
 * which a test keeps in step). Any other language is analysed by {@code standard}: words lower-cased,
 * no stemming, no stop words, as PostgreSQL's {@code simple}. Each language has fields of its own,
 * and a text is indexed only in the fields of its language; a query is matched against all of them,
 * each analysing it in its language, so a text matches if it matches in its own.
 */
final class EngineLanguages {

    /** A language's field suffix, its analyzer's name in OpenSearch, and the Lucene analyzer that is. */
    private record Language(String suffix, String analyzer, Analyzer local) {
    }

    /** The last one is for every other language. OpenSearch's standard analyzer has no stop words, as Lucene's since 8. */
    private static final List<Language> LANGUAGES = List.of(
            new Language("en", "english", new EnglishAnalyzer()),
            new Language("de", "german", new GermanAnalyzer()),
            new Language("ru", "russian", new RussianAnalyzer()),
            new Language("fr", "french", new FrenchAnalyzer()),
            new Language("es", "spanish", new SpanishAnalyzer()),
            new Language("other", "standard", new StandardAnalyzer()));

    /** Field suffix to analyzer name, in the order above. */
    static final Map<String, String> ANALYZERS = ordered(Language::suffix, Language::analyzer);

    /**
     * Each analyzer by name as Lucene builds it, to read a query in the service as the engine will
     * ({@link EngineReadings}): OpenSearch's built-in analyzers of these names are these classes.
     */
    static final Map<String, Analyzer> LOCAL = ordered(Language::analyzer, Language::local);

    static final String OTHER = "other";

    private static <V> Map<String, V> ordered(Function<Language, String> key, Function<Language, V> value) {
        Map<String, V> map = new LinkedHashMap<>();
        LANGUAGES.forEach(language -> map.put(key.apply(language), value.apply(language)));
        return Collections.unmodifiableMap(map);
    }

    private EngineLanguages() {
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
