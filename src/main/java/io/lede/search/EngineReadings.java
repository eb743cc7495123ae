package io.lede.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Which of the languages' readings of a query differ. A query is matched in every language's reading
 * ({@link EngineText}), but most words read alike in most of them ("lighthouse" is 'lighthous' in
 * English and 'lighthouse' in the five others), and OpenSearch analyses and looks up every reading in
 * every field all the same: six readings over eighteen fields were most of a relevance search's cost.
 * The service reads the query first, with the Lucene analyzers OpenSearch's built-in {@code english},
 * {@code german}... are made of, and sends one reading per distinct list of terms: the same documents
 * match and score as with all six, since readings that are alike match alike. OpenSearchEngineTest
 * checks that these analyzers read words as the engine's do.
 */
final class EngineReadings {

    /** The engine's analyzers by name ({@link EngineLanguages#ANALYZERS}), as Lucene builds them. */
    private static final Map<String, Analyzer> LOCAL = local();

    private EngineReadings() {
    }

    /**
     * The analyzers to read {@code text} with: of those that read it as the same terms at the same
     * positions, the first in {@link EngineLanguages#ANALYZERS} order.
     */
    static List<String> distinct(String text) {
        Map<List<String>, String> byTerms = new LinkedHashMap<>();
        LOCAL.forEach((name, analyzer) -> byTerms.putIfAbsent(terms(analyzer, text), name));
        return List.copyOf(byTerms.values());
    }

    /** Each term of {@code text} as the analyzer reads it, after its position increment (a stop word left out makes a gap). */
    static List<String> terms(String analyzer, String text) {
        return terms(LOCAL.get(analyzer), text);
    }

    private static List<String> terms(Analyzer analyzer, String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("q", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(increment.getPositionIncrement() + " " + term);
            }
            stream.end();
        } catch (IOException e) {
            // A string is read from memory: no I/O can fail.
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    private static Map<String, Analyzer> local() {
        Map<String, Analyzer> local = new LinkedHashMap<>();
        for (String name : EngineLanguages.ANALYZERS.values()) {
            local.put(name, switch (name) {
                case "english" -> new EnglishAnalyzer();
                case "german" -> new GermanAnalyzer();
                case "russian" -> new RussianAnalyzer();
                case "french" -> new FrenchAnalyzer();
                case "spanish" -> new SpanishAnalyzer();
                // OpenSearch's standard analyzer has no stop words, as Lucene's since 8.
                case "standard" -> new StandardAnalyzer();
                default -> throw new IllegalStateException("No local reading for the analyzer " + name);
            });
        }
        return Collections.unmodifiableMap(local);
    }
}
