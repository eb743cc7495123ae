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
        assertEquals(new EngineQuery("night ferry", null), EngineQuery.of("night ferry"));
        assertEquals(new EngineQuery("\"night ferry\" | lamp", "keeper"), EngineQuery.of("\"night ferry\" -keeper or lamp"));
        assertEquals(new EngineQuery("a b", "\"old news\" | x"), EngineQuery.of("-\"old news\" a|b -x"));
        assertEquals(new EngineQuery("\"open quote\"", null), EngineQuery.of("\"open quote"));
        assertEquals(new EngineQuery("ferry", null), EngineQuery.of("- ferry"));
        assertEquals(new EngineQuery(null, null), EngineQuery.of("- \"\" or"));
    }
}
