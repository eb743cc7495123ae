package io.lede.delivery;

import static io.lede.TestApi.article;
import static io.lede.TestApi.create;
import static io.lede.TestApi.uniqueSection;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.SyndFeedInput;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Feeds as readers show them: the Atom document read with ROME, and RSS and Atom read with Debian's
 * python3-feedparser (what many readers are built on) when it is installed; CI installs it, and
 * {@code LEDE_REQUIRE_FEEDPARSER=1} makes a missing one a failure.
 */
@QuarkusTest
class FeedReadersTest {

    private static final String STANDFIRST = "<b>&amp; bold?</b> Fish & chips";

    private String seed() {
        String section = uniqueSection();
        Map<String, Object> bylined = article(section, "With a byline");
        bylined.put("byline", "Ada Berg");
        bylined.put("standfirst", STANDFIRST);
        bylined.put("publishedAt", "2026-10-02T08:00:00Z");
        create(bylined);
        Map<String, Object> anonymous = article(section, "Without a byline");
        anonymous.put("publishedAt", "2026-10-01T08:00:00Z");
        create(anonymous);
        return section;
    }

    @Test
    void atomShouldLinkToItselfAndNameAnAuthorForEveryEntry() throws Exception {
        String section = seed();
        String body = given().get("/v1/feeds/" + section + ".atom").then().statusCode(200).extract().asString();
        SyndFeed feed = new SyndFeedInput().build(new StringReader(body));
        List<SyndLink> self = feed.getLinks().stream().filter(link -> "self".equals(link.getRel())).toList();
        assertEquals(1, self.size(), body);
        assertTrue(self.get(0).getHref().matches("https?://.+/v1/feeds/" + section + "\\.atom"), self.get(0).getHref());
        // The feed's author stands for the entry without a byline; no entry has an empty one.
        assertEquals("Lede", feed.getAuthors().get(0).getName());
        assertFalse(body.contains("<name />") || body.contains("<name/>") || body.contains("<name></name>"), body);
        assertEquals("Ada Berg", feed.getEntries().get(0).getAuthors().get(0).getName());
        assertTrue(feed.getEntries().get(1).getAuthors().isEmpty());
    }

    @Test
    void readersShouldShowTheStandfirstAsWritten() throws Exception {
        String section = seed();
        for (String format : List.of("rss", "atom")) {
            String body = given().get("/v1/feeds/" + section + "." + format).then().statusCode(200).extract().asString();
            JsonNode parsed = feedparser(body);
            JsonNode newest = parsed.get("entries").get(0);
            assertEquals("With a byline", newest.get("title").asText(), format);
            // feedparser hands out HTML: the text a reader shows is that HTML's text, the standfirst exactly.
            assertEquals(STANDFIRST, newest.get("summary_text").asText(), format + ": " + newest);
            assertEquals(0, parsed.get("bozo").asInt(), format + " is not well-formed: " + parsed.get("bozo_exception"));
            if (format.equals("atom")) {
                assertTrue(parsed.get("self").asText().endsWith("/v1/feeds/" + section + ".atom"), parsed.toString());
                assertEquals("", parsed.get("entries").get(1).path("author").asText(""), "no empty author is invented");
            }
        }
    }

    /** The feed as python3-feedparser reads it, with each summary as the text a reader shows (HTML rendered to its text). */
    private static JsonNode feedparser(String document) throws Exception {
        boolean required = "1".equals(System.getenv("LEDE_REQUIRE_FEEDPARSER"));
        Path script = Files.createTempFile("feedparser", ".py");
        Path input = Files.createTempFile("feed", ".xml");
        try {
            Files.writeString(input, document, StandardCharsets.UTF_8);
            Files.writeString(script, String.join("\n",
                    "import html, html.parser, json, sys",
                    "try:",
                    "    import feedparser",
                    "except ImportError:",
                    "    sys.exit(3)",
                    "class Text(html.parser.HTMLParser):",
                    "    def __init__(self):",
                    "        super().__init__(convert_charrefs=True); self.parts = []",
                    "    def handle_data(self, data): self.parts.append(data)",
                    "def text(markup):",
                    "    t = Text(); t.feed(markup); t.close(); return ''.join(t.parts)",
                    "def summary(e):",
                    "    detail = e.get('summary_detail', {})",
                    "    return e.get('summary', '') if detail.get('type') == 'text/plain' else text(e.get('summary', ''))",
                    "d = feedparser.parse(open(sys.argv[1], 'rb').read())",
                    "links = [l.get('href') for l in d.feed.get('links', []) if l.get('rel') == 'self']",
                    "print(json.dumps({'bozo': int(d.bozo), 'bozo_exception': str(d.get('bozo_exception', '')),",
                    "    'self': links[0] if links else '',",
                    "    'entries': [{'title': e.get('title', ''), 'author': e.get('author', ''),",
                    "                 'summary_text': summary(e)} for e in d.entries]}))",
                    ""), StandardCharsets.UTF_8);
            Process process;
            try {
                process = new ProcessBuilder("/usr/bin/python3", script.toString(), input.toString()).redirectErrorStream(false).start();
            } catch (java.io.IOException e) {
                assumeTrue(!required, "python3 is required");
                assumeTrue(false, "python3 is not installed");
                throw e;
            }
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(60, TimeUnit.SECONDS));
            if (process.exitValue() == 3) {
                if (required) {
                    throw new AssertionError("python3-feedparser is required (LEDE_REQUIRE_FEEDPARSER=1) but not installed");
                }
                assumeTrue(false, "python3-feedparser is not installed (apt-get install python3-feedparser)");
            }
            assertEquals(0, process.exitValue(), err);
            return new ObjectMapper().readTree(out);
        } finally {
            Files.deleteIfExists(script);
            Files.deleteIfExists(input);
        }
    }
}
