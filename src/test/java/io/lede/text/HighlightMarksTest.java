package io.lede.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class HighlightMarksTest {

    @Test
    void shouldEscapeTheTextAndMarkOnlyMatches() {
        String marked = HighlightMarks.mark("Harbour <b>\uE000news\uE001</b> & more", List.of("harbour", "news"), false);
        assertEquals("<mark>Harbour</mark> &lt;b&gt;<mark>news</mark>&lt;/b&gt; &amp; more", HighlightMarks.html(marked));
    }

    @Test
    void shouldKeepAPassageAroundTheFirstMatchOfALongText() {
        String text = "x".repeat(300) + " ferry " + "y".repeat(300);
        String html = HighlightMarks.html(HighlightMarks.mark(text, List.of("ferry"), true));
        assertEquals("… " + "x".repeat(79) + " <mark>ferry</mark> " + "y".repeat(154) + " …", html);
    }

    @Test
    void shouldLeaveTextWithoutMatchesUnmarked() {
        assertEquals(false, HighlightMarks.hasMatch(HighlightMarks.mark("Nothing here", List.of("ferry"), true)));
    }
}
