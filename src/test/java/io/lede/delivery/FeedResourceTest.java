package io.lede.delivery;

import static io.lede.TestApi.article;
import static io.lede.TestApi.create;
import static io.lede.TestApi.uniqueSection;
import static io.lede.TestApi.uploadPng;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class FeedResourceTest {

    private String section;
    private String leadImage;

    private void seed() {
        section = uniqueSection();
        Map<String, Object> first = article(section, "First <b>bold</b> & older");
        first.put("publishedAt", "2026-10-01T08:00:00Z");
        first.put("byline", "Ada Berg");
        create(first);
        Map<String, Object> second = article(section, "Second and newer");
        second.put("publishedAt", "2026-10-02T08:00:00Z");
        leadImage = uploadPng();
        second.put("leadImage", leadImage);
        create(second);
    }

    @Test
    void shouldServeRss() throws Exception {
        seed();
        Response response = given().get("/v1/feeds/" + section + ".rss")
                .then().statusCode(200)
                .contentType(containsString("application/rss+xml"))
                .header("Cache-Control", containsString("public"))
                .extract().response();
        SyndFeed feed = new SyndFeedInput().build(new StringReader(response.asString()));
        assertEquals("rss_2.0", feed.getFeedType());
        assertEquals(2, feed.getEntries().size());
        SyndEntry newest = feed.getEntries().get(0);
        assertEquals("Second and newer", newest.getTitle());
        assertTrue(newest.getLink().matches(".*/" + section + "/second-and-newer(-[0-9]+)?"), newest.getLink());
        assertEquals("A standfirst for Second and newer", newest.getDescription().getValue());
        assertTrue(newest.getEnclosures().get(0).getUrl().matches("https?://.+/v1/images/" + leadImage + "/content\\?w=2048"),
                newest.getEnclosures().get(0).getUrl());
        SyndEntry older = feed.getEntries().get(1);
        assertEquals("First <b>bold</b> & older", older.getTitle());
        assertEquals("Ada Berg", older.getAuthor());
        assertEquals(java.time.Instant.parse("2026-10-01T08:00:00Z"), older.getPublishedDate().toInstant());

        given().header("If-None-Match", response.header("ETag")).get("/v1/feeds/" + section + ".rss").then().statusCode(304);
    }

    @Test
    void shouldServeAtom() throws Exception {
        seed();
        String body = given().get("/v1/feeds/" + section + ".atom")
                .then().statusCode(200).contentType(containsString("application/atom+xml")).extract().asString();
        SyndFeed feed = new SyndFeedInput().build(new StringReader(body));
        assertEquals("atom_1.0", feed.getFeedType());
        assertEquals("Second and newer", feed.getEntries().get(0).getTitle());
        assertEquals("Ada Berg", feed.getEntries().get(1).getAuthors().get(0).getName());
        assertTrue(feed.getEntries().get(0).getUpdatedDate() != null);
    }

    @Test
    void shouldServeJsonFeed() throws Exception {
        seed();
        String body = given().get("/v1/feeds/" + section + ".json")
                .then().statusCode(200).contentType(containsString("application/feed+json")).extract().asString();
        JsonNode feed = new ObjectMapper().readTree(body);
        assertEquals("https://jsonfeed.org/version/1.1", feed.get("version").asText());
        assertTrue(feed.get("feed_url").asText().endsWith("/v1/feeds/" + section + ".json"));
        JsonNode items = feed.get("items");
        assertEquals(2, items.size());
        assertEquals("Second and newer", items.get(0).get("title").asText());
        assertTrue(items.get(0).get("image").asText().contains("/v1/images/" + leadImage + "/content"));
        assertEquals("2026-10-02T08:00:00Z", items.get(0).get("date_published").asText());
        assertEquals("Ada Berg", items.get(1).get("authors").get(0).get("name").asText());
        assertTrue(items.get(1).get("content_text").asText().startsWith("First paragraph"));
    }

    @Test
    void shouldServeTheLatestFeedAcrossSections() throws Exception {
        seed();
        SyndFeed feed = new SyndFeedInput().build(new StringReader(given().get("/v1/feeds/latest.rss").asString()));
        assertTrue(feed.getEntries().size() >= 2 && feed.getEntries().size() <= 50);
    }

    @Test
    void shouldServeFeedsToReadersThatAcceptThemAnd406ToOthers() {
        // What feed readers send: the feed's own type, the generic XML or JSON one, or anything.
        for (String accept : List.of("application/rss+xml", "application/xml", "text/xml;q=0.5", "*/*", "application/*")) {
            given().accept(accept).get("/v1/feeds/latest.rss").then().statusCode(200).contentType(containsString("application/rss+xml"));
        }
        given().accept("application/rss+xml, application/xml;q=0.9").get("/v1/feeds/latest.atom").then().statusCode(200)
                .contentType(containsString("application/atom+xml"));
        given().accept("application/json").get("/v1/feeds/latest.json").then().statusCode(200)
                .contentType(containsString("application/feed+json"));
        for (String accept : List.of("image/png", "*/*;q=0", "application/json")) {
            given().accept(accept).get("/v1/feeds/latest.rss").then().statusCode(406).contentType("application/problem+json")
                    .body("status", equalTo(406));
        }
        given().accept("application/xml").get("/v1/feeds/latest.json").then().statusCode(406);
    }

    @Test
    void shouldAnswer404ForUnknownSectionsAndPaths() {
        given().get("/v1/feeds/no-such-section.rss").then().statusCode(404).contentType("application/problem+json");
        given().get("/v1/feeds/latest.pdf").then().statusCode(404);
        given().get("/v1/feeds/..%2F..%2Fetc%2Fpasswd.rss").then().statusCode(404);
        given().get("/v1/feeds/Latest.rss").then().statusCode(404);
        given().queryParam("lang", "??").get("/v1/feeds/latest.json").then().statusCode(400)
                .body("errors[0].field", equalTo("lang"));
    }
}
