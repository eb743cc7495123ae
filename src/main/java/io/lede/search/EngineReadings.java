package io.lede.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Which of the languages' readings of a query differ. A query is matched in every language's reading
 * ({@link EngineText}), but most words read alike in most of them ("lighthouse" is 'lighthous' in
 * English, German, French and Spanish, 'lighthouse' as Russian and as plain words), and OpenSearch
 * analyses and looks up every reading in every field all the same: six readings over eighteen fields
 * were most of a search's cost. The service reads the query first, with the Lucene analyzers
 * OpenSearch's built-in {@code english}, {@code german}... are made of ({@link EngineLanguages#LOCAL}),
 * and sends one reading per distinct list of terms. The same documents match, since readings that
 * are alike match alike; a score counts a matching reading once, where six readings counted it as
 * often as languages happen to read the word alike (an English text's "lighthouse" four times, an
 * Italian one's twice). OpenSearchEngineTest checks that these analyzers read words as the engine's do.
 */
final class EngineReadings {

    private EngineReadings() {
    }

    /**
     * The analyzers to read {@code text} with: of those that read it as the same terms at the same
     * positions, the first in {@link EngineLanguages#ANALYZERS} order.
     */
    static List<String> distinct(String text) {
        Map<List<String>, String> byTerms = new LinkedHashMap<>();
        EngineLanguages.LOCAL.forEach((name, analyzer) -> byTerms.putIfAbsent(terms(analyzer, text), name));
        return List.copyOf(byTerms.values());
    }

    /**
     * Each term of {@code text} as the named analyzer reads it, after its position increment (a stop
     * word left out makes a gap): what {@link #distinct} compares, and what the tests compare with the engine's reading.
     */
    static List<String> terms(String analyzer, String text) {
        return terms(EngineLanguages.LOCAL.get(analyzer), text);
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
}
