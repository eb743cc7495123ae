package io.lede.db;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SearchLanguagesTest {

    @Test
    void shouldSplitExcludedWordsAndPhrasesFromTheRest() {
        assertArrayEquals(new String[] { "lighthouse", "keeper" }, SearchLanguages.splitExclusions("lighthouse -keeper"));
        assertArrayEquals(new String[] { "\"night ferry\" well-known", "winter or \"old port\"" },
                SearchLanguages.splitExclusions("\"night ferry\" -winter well-known -\"old port\""));
        assertArrayEquals(new String[] { null, "storm" }, SearchLanguages.splitExclusions("  -storm "));
        assertArrayEquals(new String[] { "- \"unbalanced", null }, SearchLanguages.splitExclusions("- \"unbalanced"));
        assertArrayEquals(new String[] { null, null }, SearchLanguages.splitExclusions(" \t "));
    }

    @Test
    void shouldKeepOnlyTheDashesThatNegateOrJoin() {
        assertEquals("lighthouse -keeper well-known -\"old port\"", SearchLanguages.defused("lighthouse -keeper well-known -\"old port\""));
        assertEquals("-storm", SearchLanguages.defused("-storm"));
        assertEquals("          ", SearchLanguages.defused("----------"));
        assertEquals("       ", SearchLanguages.defused("- - - -"));
        assertEquals("(((", SearchLanguages.defused("(-(-(-").replace(" ", ""));
        assertEquals("a  b   y", SearchLanguages.defused("a--b --y"));
    }
}
