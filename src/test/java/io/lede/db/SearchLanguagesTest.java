package io.lede.db;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

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
}
