package io.lede.delivery;

import static io.lede.TestApi.article;
import static io.lede.TestApi.create;
import static io.lede.TestApi.uniqueSection;
import static io.lede.TestApi.uploadPng;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.lede.TestApi;
import io.lede.image.TestImages;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class HeadlineResourceTest {

    @Test
    void shouldListCompactHeadlinesWithThumbnails() {
        String section = uniqueSection();
        Map<String, Object> older = article(section, "Older story");
        older.put("publishedAt", "2026-09-01T08:00:00Z");
        create(older);
        Map<String, Object> newer = article(section, "Newer story");
        newer.put("publishedAt", "2026-09-02T08:00:00Z");
        String image = uploadPng();
        newer.put("leadImage", image);
        String id = create(newer).path("id");

        List<Map<String, Object>> items = given().queryParam("section", section).get("/v1/headlines")
                .then().statusCode(200)
                .header("Cache-Control", containsString("public"))
                .body("items.headline", contains("Newer story", "Older story"))
                .body("items[0].id", equalTo(id))
                .body("items[0].url", endsWith("/" + section + "/newer-story"))
                .body("items[0].thumbnailUrl", endsWith("/v1/images/" + image + "/content?w=320"))
                .body("items[1].thumbnailUrl", nullValue())
                .body("items[0].thumbnail.url", endsWith("/v1/images/" + image + "/content?w=320"))
                .body("items[0].thumbnail.width", equalTo(40))
                .body("items[1].thumbnail", nullValue())
                .extract().path("items");
        assertEquals(Set.of("id", "headline", "standfirst", "url", "section", "language", "publishedAt", "thumbnailUrl",
                "thumbnail"), items.get(0).keySet());
        given().queryParam("section", section).queryParam("limit", 1).get("/v1/headlines")
                .then().body("items.headline", contains("Newer story"));
    }

    @Test
    void shouldGiveEachThumbnailItsSizeAltTextPlaceholderAndARenditionPerWidthStep() {
        String section = uniqueSection();
        String image = given().auth().oauth2(TestApi.editorToken())
                .multiPart("file", "wide.png", TestImages.png(500, 250), "image/png")
                .multiPart("altText", "A wide test picture")
                .post("/v1/images").then().statusCode(201).extract().path("id");
        Map<String, Object> story = article(section, "Pictured");
        story.put("leadImage", image);
        create(story);
        String content = "/v1/images/" + image + "/content";

        given().queryParam("section", section).get("/v1/headlines").then().statusCode(200)
                .body("items[0].thumbnail.url", endsWith(content + "?w=320"))
                .body("items[0].thumbnail.width", equalTo(500))
                .body("items[0].thumbnail.height", equalTo(250))
                .body("items[0].thumbnail.alt", equalTo("A wide test picture"))
                // Steps 160, 320, 480 and then 640, which is served at the original's 500 pixels.
                .body("items[0].thumbnail.srcset.width", contains(160, 320, 480, 500))
                .body("items[0].thumbnail.srcset[3].url", endsWith(content + "?w=640"))
                .body("items[0].thumbnail.placeholder.dominantColor", org.hamcrest.Matchers.matchesPattern("^#[0-9a-f]{6}$"));
    }

    @Test
    void shouldFlagLiveBlogs() {
        String section = uniqueSection();
        Map<String, Object> blog = article(section, "Live: the regatta");
        blog.put("live", Map.of("status", "live"));
        create(blog);
        create(article(section, "Ordinary story"));

        given().queryParam("section", section).get("/v1/headlines").then().statusCode(200)
                .body("items.find { it.headline == 'Live: the regatta' }.live.status", equalTo("live"))
                .body("items.find { it.headline == 'Live: the regatta' }.live.startedAt", org.hamcrest.Matchers.notNullValue())
                .body("items.find { it.headline == 'Ordinary story' }.live", nullValue());
    }

    @Test
    void shouldPickTheLanguageFromAcceptLanguageUnlessLangIsGiven() {
        String section = uniqueSection();
        create(article(section, "In English"));
        Map<String, Object> german = article(section, "Auf Deutsch");
        german.put("language", "de");
        create(german);

        given().queryParam("section", section).header("Accept-Language", "de-CH, de;q=0.9, en;q=0.5").get("/v1/headlines")
                .then().statusCode(200)
                .header("Content-Language", "de")
                .header("Vary", containsString("Accept-Language"))
                .body("items.headline", contains("Auf Deutsch"));
        given().queryParam("section", section).queryParam("lang", "en").header("Accept-Language", "de").get("/v1/headlines")
                .then().header("Content-Language", "en").body("items.headline", contains("In English"));
        given().queryParam("section", section).header("Accept-Language", "tlh").get("/v1/headlines")
                .then().statusCode(200).header("Content-Language", nullValue()).body("items.size()", equalTo(2));
    }

    @Test
    void shouldRejectBadParameters() {
        given().queryParam("limit", 51).get("/v1/headlines").then().statusCode(400).body("errors[0].field", equalTo("limit"));
        given().queryParam("lang", "?!").get("/v1/headlines").then().statusCode(400).body("errors[0].field", equalTo("lang"));
    }

    @Test
    void shouldOpenPartnerEndpointsToAnyOrigin() {
        given().header("Origin", "https://partner.example").get("/v1/headlines")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo("*"))
                .header("Access-Control-Allow-Credentials", not(equalTo("true")));
        given().header("Origin", "https://partner.example")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "accept-language")
                .options("/v1/headlines")
                .then().statusCode(204)
                .header("Access-Control-Allow-Origin", equalTo("*"))
                .header("Access-Control-Allow-Methods", containsString("GET"))
                .header("Access-Control-Allow-Headers", containsString("Accept-Language"));
        // Writes from a browser carry the token in a header; their preflight passes too.
        given().header("Origin", "https://cms.example").header("Access-Control-Request-Method", "PATCH")
                .header("Access-Control-Request-Headers", "authorization,if-match,content-type")
                .options("/v1/articles/some-id")
                .then().statusCode(204).header("Access-Control-Allow-Methods", containsString("PATCH"));
    }

    @Test
    void shouldListSectionsWithCounts() {
        String section = uniqueSection();
        create(article(section, "One"));
        create(article(section, "Two"));
        Map<String, Object> draft = article(section, "Hidden");
        draft.put("status", "draft");
        create(draft);
        given().get("/v1/sections")
                .then().statusCode(200)
                .header("ETag", org.hamcrest.Matchers.notNullValue())
                .body("items.name", hasItem(section))
                .body("items.find { it.name == '" + section + "' }.articleCount", equalTo(2));
    }
}
