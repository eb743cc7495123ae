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

    @Test
    void shouldTranslateWebSearchSyntax() {
        assertEquals(new SearchEngine.Query("night ferry", null), SearchEngine.Query.of("night ferry"));
        assertEquals(new SearchEngine.Query("\"night ferry\" | lamp", "keeper"), SearchEngine.Query.of("\"night ferry\" -keeper or lamp"));
        assertEquals(new SearchEngine.Query("a b", "\"old news\" | x"), SearchEngine.Query.of("-\"old news\" a|b -x"));
        assertEquals(new SearchEngine.Query("\"open quote\"", null), SearchEngine.Query.of("\"open quote"));
        assertEquals(new SearchEngine.Query("ferry", null), SearchEngine.Query.of("- ferry"));
        assertEquals(new SearchEngine.Query(null, null), SearchEngine.Query.of("- \"\" or"));
    }
}
