package io.lede.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** What replicas tell each other (NOTIFY payloads) and the edge (purge headers), without a server. */
class ChangeMessagesTest {

    @Test
    void shouldCarryTheKeysOfAChangeToTheOtherReplicas() {
        ContentChanged change = new ContentChanged(Set.of("article-1", "section-world"), false, true);
        String payload = ContentChangeBroadcaster.payload("replica-a", change);

        assertNull(ContentChangeBroadcaster.received("replica-a", payload), "a replica ignores its own notifications");
        ContentChanged heard = ContentChangeBroadcaster.received("replica-b", payload);
        assertEquals(change.keys(), heard.keys());
        assertTrue(!heard.everything() && !heard.local());
    }

    @Test
    void shouldSayEverythingWhenTheKeysWouldNotFitANotification() {
        Set<String> keys = new LinkedHashSet<>();
        for (int i = 0; i < 400; i++) {
            keys.add("article-00000000-0000-0000-0000-" + String.format("%012d", i));
        }
        String payload = ContentChangeBroadcaster.payload("replica-a", new ContentChanged(keys, false, true));

        assertTrue(payload.length() < 8000);
        assertTrue(ContentChangeBroadcaster.received("replica-b", payload).everything());
        assertTrue(ContentChangeBroadcaster.received("replica-b", ContentChangeBroadcaster.payload("replica-a",
                ContentChanged.everything(true))).everything());
        // A notification without keys (an older replica's) is taken as everything.
        assertTrue(ContentChangeBroadcaster.received("replica-b", "replica-c").everything());
    }

    @Test
    void shouldSplitPurgesIntoHeadersOfBoundedLength() {
        Set<String> keys = new LinkedHashSet<>();
        for (int i = 0; i < 300; i++) {
            keys.add("article-" + i + "-" + "x".repeat(30));
        }
        List<String> values = EdgePurger.headerValues(keys, false);

        assertTrue(values.size() > 1);
        values.forEach(value -> assertTrue(value.length() <= EdgePurger.MAX_HEADER_CHARS, value.length() + " characters"));
        assertEquals(keys, new LinkedHashSet<>(List.of(String.join(" ", values).split(" "))));
        assertEquals(List.of("all"), EdgePurger.headerValues(keys, true));
    }
}
