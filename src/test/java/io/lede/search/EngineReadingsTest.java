package io.lede.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class EngineReadingsTest {

    @Test
    void shouldSendOneReadingPerDistinctListOfTerms() {
        // Read as Russian, "паромы" is 'паром'; every other analyzer leaves it whole.
        assertEquals(List.of("english", "russian"), EngineReadings.distinct("паромы"));
        // A stop word in English only: English reads nothing, the others the word.
        assertEquals(List.of("english", "german"), EngineReadings.distinct("the"));
        // English, German, French and Spanish read 'lighthous'; Russian and plain words 'lighthouse'.
        assertEquals(List.of("english", "russian"), EngineReadings.distinct("lighthouse"));
        assertEquals(List.of("1 lighthous"), EngineReadings.terms("spanish", "lighthouse"));
        assertEquals(List.of("1 lighthouse"), EngineReadings.terms("standard", "lighthouse"));
        // A query read alike everywhere is sent once.
        assertEquals(List.of("english"), EngineReadings.distinct("2026"));
    }

    /** Every analyzer's reading is among those sent, and no two sent readings are alike. */
    @Test
    void shouldKeepEveryReadingThatDiffers() {
        List<String> queries = List.of("lighthouse", "ferries", "Häfen Kräne", "\"night ferry\" | lamp", "l'ouverture des ports",
                "pescadores noticias", "Паромы возвращаются", "the harbour's keeper", "naïve café", "x86_64 e-mail");
        for (String q : queries) {
            List<String> sent = EngineReadings.distinct(q);
            for (String analyzer : EngineLanguages.ANALYZERS.values()) {
                List<String> terms = EngineReadings.terms(analyzer, q);
                assertTrue(sent.stream().anyMatch(reading -> EngineReadings.terms(reading, q).equals(terms)),
                        analyzer + "'s reading of " + q + " is not sent: " + sent);
            }
            for (int i = 0; i < sent.size(); i++) {
                for (int j = i + 1; j < sent.size(); j++) {
                    assertNotEquals(EngineReadings.terms(sent.get(i), q), EngineReadings.terms(sent.get(j), q), q + ": " + sent);
                }
            }
        }
    }
}
