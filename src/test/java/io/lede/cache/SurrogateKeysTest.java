package io.lede.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The Surrogate-Key header stays within what an edge takes, and never loses a dependency. */
class SurrogateKeysTest {

    @Test
    void shouldKeepASmallHeaderAsItIs() {
        String article = UUID.randomUUID().toString();
        String entity = UUID.randomUUID().toString();
        SurrogateKeys keys = SurrogateKeys.of("articles", SurrogateKeys.ENTITY_VISIBILITY).add("article", article).add("entity", entity);
        assertEquals("articles entity-visibility article-" + article + " entity-" + entity, keys.value());
    }

    @Test
    void shouldGiveWayToBroaderKeysKindByKindPastTheBound() {
        SurrogateKeys keys = SurrogateKeys.of("articles", SurrogateKeys.QUOTE_VISIBILITY, SurrogateKeys.ENTITY_VISIBILITY)
                .add("section", "world").add("article-quotes", UUID.randomUUID());
        String article = UUID.randomUUID().toString();
        keys.add("article", article);
        for (int i = 0; i < 150; i++) {
            keys.add("entity", UUID.randomUUID());
        }
        for (int i = 0; i < 10; i++) {
            keys.add("quote", UUID.randomUUID());
        }
        String value = keys.value();
        assertTrue(value.length() <= SurrogateKeys.MAX_LENGTH, value.length() + " characters");
        Set<String> parsed = SurrogateKeys.parse(value);
        assertTrue(parsed.contains(SurrogateKeys.ENTITIES), "entity keys gave way to entities");
        assertFalse(parsed.stream().anyMatch(key -> key.matches("entity-[0-9a-f-]{36}")));
        // Only as much as needed: the quotes and the article stay named, and other kinds stay.
        assertTrue(parsed.stream().anyMatch(key -> key.startsWith("quote-") && !key.equals(SurrogateKeys.QUOTE_VISIBILITY)));
        assertTrue(parsed.containsAll(Set.of("articles", SurrogateKeys.QUOTE_VISIBILITY, SurrogateKeys.ENTITY_VISIBILITY,
                "section-world", "article-" + article)));
        assertTrue(parsed.stream().anyMatch(key -> key.startsWith("article-quotes-")));
    }

    @Test
    void shouldFallBackToSyncForArticlesOnlyWhenEverythingElseGaveWay() {
        SurrogateKeys keys = SurrogateKeys.of("articles");
        for (int i = 0; i < 120; i++) {
            keys.add("article", UUID.randomUUID()).add("translations", UUID.randomUUID());
        }
        Set<String> parsed = SurrogateKeys.parse(keys.value());
        assertTrue(keys.value().length() <= SurrogateKeys.MAX_LENGTH);
        assertTrue(parsed.contains(SurrogateKeys.SYNC), "every article change carries sync");
    }
}
