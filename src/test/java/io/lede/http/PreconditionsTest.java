package io.lede.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.lede.http.Preconditions.Outcome;

/** RFC 9110 section 13 as Lede applies it, without a server. */
class PreconditionsTest {

    static final String TAG = "\"abc\"";

    @Test
    void shouldCompareIfNoneMatchWeaklyAndIfMatchStrongly() {
        assertTrue(Preconditions.anyMatches("W/\"abc\"", TAG, false));
        assertFalse(Preconditions.anyMatches("W/\"abc\"", TAG, true));
        assertTrue(Preconditions.anyMatches("\"abc\"", TAG, true));
        assertFalse(Preconditions.anyMatches("\"abc\"", "W/\"abc\"", true));
    }

    @Test
    void shouldReadListsOfTagsAndSkipWhatIsNotATag() {
        assertTrue(Preconditions.anyMatches("\"x\", W/\"y\",\"abc\"", TAG, true));
        assertTrue(Preconditions.anyMatches("nonsense, \"abc\"", TAG, false));
        assertTrue(Preconditions.anyMatches("\"a,b\", \"abc\"", TAG, true));
        assertFalse(Preconditions.anyMatches("abc", TAG, false));
        assertFalse(Preconditions.anyMatches("\"abc", TAG, false));
        assertTrue(Preconditions.anyMatches(" * ", TAG, true));
    }

    @Test
    void shouldDecideReadsInTheRfcsOrder() {
        assertEquals(Outcome.PROCEED, Preconditions.evaluate("GET", null, null, TAG));
        assertEquals(Outcome.FAILED, Preconditions.evaluate("GET", "\"nope\"", TAG, TAG));
        assertEquals(Outcome.NOT_MODIFIED, Preconditions.evaluate("GET", TAG, TAG, TAG));
        assertEquals(Outcome.NOT_MODIFIED, Preconditions.evaluate("HEAD", null, "*", TAG));
        assertEquals(Outcome.FAILED, Preconditions.evaluate("DELETE", null, TAG, TAG));
        assertEquals(Outcome.PROCEED, Preconditions.evaluate("GET", " ", "\"other\"", TAG));
    }
}
