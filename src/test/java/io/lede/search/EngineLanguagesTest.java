package io.lede.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.lede.db.SearchLanguages;

class EngineLanguagesTest {

    @Test
    void shouldStemTheLanguagesTheDatabaseStems() {
        Set<String> engine = new LinkedHashSet<>(EngineLanguages.ANALYZERS.keySet());
        engine.remove(EngineLanguages.OTHER);
        assertEquals(SearchLanguages.STEMMED.keySet(), engine);
        assertEquals("en", EngineLanguages.suffixOf("en-GB"));
        assertEquals(EngineLanguages.OTHER, EngineLanguages.suffixOf("it"));
    }
}
