package io.lede.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class SearchSyntaxTest {

    private static void reads(String q, List<List<String>> included, List<String> excluded) {
        assertEquals(new SearchSyntax(included, excluded), SearchSyntax.of(q), q);
    }

    @Test
    void shouldReadWordsPhrasesAndExclusions() {
        reads("night ferry", List.of(List.of("night"), List.of("ferry")), List.of());
        reads("\"night ferry\" -keeper -\"old port\"", List.of(List.of("night ferry")), List.of("keeper", "old port"));
        reads("\"open quote", List.of(List.of("open quote")), List.of());
        // A phrase ends at its closing quote; what follows is the next term.
        reads("\"night\"-ferry", List.of(List.of("night")), List.of("ferry"));
        // A word's punctuation stays in it: the engines match its parts as a phrase.
        reads("night-ferry covid-19 ferry+harbour", List.of(List.of("night-ferry"), List.of("covid-19"), List.of("ferry+harbour")), List.of());
    }

    @Test
    void shouldExcludeWhateverFollowsTheDashes() {
        // Punctuation after the dash used to turn an exclusion into a required word on PostgreSQL.
        reads("ferry -'night' -(night) -«night» -#night", List.of(List.of("ferry")), List.of("'night'", "(night)", "«night»", "#night"));
        reads("--ferry ---night", List.of(), List.of("ferry", "night"));
        reads("- ferry -- ---", List.of(List.of("ferry")), List.of());
        // A term without a letter or digit is nothing, excluded or not.
        reads("ferry -* ? -(", List.of(List.of("ferry")), List.of());
        reads("🚢 or ferry", List.of(List.of("ferry")), List.of());
    }

    @Test
    void shouldBindOrCloserThanTheSpace() {
        reads("ferry or train night", List.of(List.of("ferry", "train"), List.of("night")), List.of());
        reads("a OR b Or c d", List.of(List.of("a", "b", "c"), List.of("d")), List.of());
        // Without a term looked for on both sides, or is nothing.
        reads("or ferry", List.of(List.of("ferry")), List.of());
        reads("ferry or", List.of(List.of("ferry")), List.of());
        reads("ferry or or night", List.of(List.of("ferry", "night")), List.of());
        reads("ferry or -harbour night", List.of(List.of("ferry"), List.of("night")), List.of("harbour"));
        // Quoted or excluded, it is a word.
        reads("\"or\" -or", List.of(List.of("or")), List.of("or"));
    }

    @Test
    void shouldFindNothingInDashesQuotesAndSpace() {
        assertTrue(SearchSyntax.of(" \t- -- \"\" \" \" ").isEmpty());
        assertTrue(SearchSyntax.of("").isEmpty());
        reads("ab\"cd\\ef", List.of(List.of("ab cd ef")), List.of());
        // No-break spaces separate terms as spaces do; a quote after "or" makes it a word.
        reads("ferry\u00A0night\u3000train", List.of(List.of("ferry"), List.of("night"), List.of("train")), List.of());
        reads("ferry or\" night", List.of(List.of("ferry"), List.of("or"), List.of("night")), List.of());
    }
}
