package io.lede.syndication;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.lede.TestApi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** format=jsonld: schema.org NewsArticle and LiveBlogPosting, checked property by property. */
@QuarkusTest
class JsonLdFormatTest {

    @Test
    void shouldSendAPublishedArticleAsANewsArticle() {
        Stories.Story story = Stories.published();
        Response json = given().get("/v1/articles/" + story.id()).then().statusCode(200).extract().response();

        given().queryParam("format", "jsonld").get("/v1/articles/" + story.id())
                .then().statusCode(200)
                .contentType("application/ld+json")
                .header("Cache-Control", startsWith("public"))
                .header("Surrogate-Key", containsString("article-" + story.id()))
                .body("'@context'", equalTo("https://schema.org"))
                .body("'@type'", equalTo("NewsArticle"))
                .body("'@id'", equalTo(json.path("url")))
                .body("url", equalTo(json.path("url")))
                .body("identifier", equalTo(story.id()))
                .body("headline", equalTo(Stories.HEADLINE))
                .body("description", equalTo("A standfirst for " + Stories.HEADLINE))
                .body("articleBody", equalTo(json.path("bodyText")))
                .body("datePublished", equalTo(json.path("publishedAt")))
                .body("dateModified", equalTo(json.path("updatedAt")))
                .body("inLanguage", equalTo("en"))
                .body("articleSection", equalTo(story.section()))
                .body("keywords", contains("testing"))
                .body("dateline", equalTo("Bergen"))
                .body("author", hasSize(2))
                .body("author[0].'@type'", equalTo("Person"))
                .body("author[0].name", equalTo("Mara Lind"))
                .body("author[0]", not(hasKey("sameAs")))
                .body("author[1].'@type'", equalTo("Organization"))
                .body("author[1].name", equalTo("Lede Wire Agency"))
                .body("author[1].sameAs", contains(story.agency().uri()))
                .body("contributor.name", contains("Ines Berg"))
                .body("editor.name", contains("Per Dahl"))
                .body("$", not(hasKey("translator")))
                .body("sourceOrganization.'@type'", equalTo("Organization"))
                .body("sourceOrganization.name", equalTo("Lede Wire"))
                .body("$", not(hasKey("liveBlogUpdate")));
    }

    @Test
    void shouldStaySafeToEmbedInAScriptBlockWhateverTheHeadlineHolds() {
        String headline = "Harbour </script><script>alert('x')</script> & <!-- fares \u2028 rise";
        String id = TestApi.createPublished("news", headline, "2026-03-01T08:00:00Z");

        for (String format : new String[] { "jsonld", "ninjs" }) {
            Response response = given().queryParam("format", format).get("/v1/articles/" + id)
                    .then().statusCode(200).extract().response();
            String raw = response.asString();
            // A partner pastes the document into <script type="application/ld+json">: nothing in it may close or open a tag.
            assertFalse(raw.contains("<") || raw.contains(">") || raw.contains("&"),
                    format + " document holds a raw <, > or &: " + raw);
            assertFalse(raw.contains("\u2028"), "U+2028 left raw in " + format);
            String parsed = response.jsonPath().getString("jsonld".equals(format) ? "headline" : "headlines[0].value");
            assertEquals(headline, parsed, "the escapes decode to the same headline");
        }
    }

    @Test
    void shouldFoldTheCaseOfTheFormatName() {
        Stories.Story story = Stories.published();

        given().queryParam("format", " JSONLD ").get("/v1/articles/" + story.id())
                .then().statusCode(200).contentType("application/ld+json")
                .body("'@type'", equalTo("NewsArticle"));
    }

    @Test
    void shouldNameWhatItIsAboutAndMentionsWithTheirGlobalIds() {
        Stories.Story story = Stories.published();

        given().queryParam("format", "jsonld").get("/v1/articles/" + story.id())
                .then().statusCode(200)
                .body("about", hasSize(2))
                .body("about[0].'@type'", equalTo("Person"))
                .body("about[0].name", equalTo("Astrid Holm"))
                .body("about[0].sameAs", contains(story.person().uri()))
                .body("about[1].'@type'", equalTo("Thing"))
                .body("about[1].sameAs[0]", equalTo(story.topic().uri()))
                .body("mentions.'@type'", contains("Place", "Organization"))
                .body("mentions.name", contains("Bergen", "Coastal Ferry Company"))
                .body("mentions[0].sameAs[0]", equalTo(story.place().uri()))
                .body("mentions[1].sameAs[0]", equalTo(story.organisation().uri()));
    }

    @Test
    void shouldPublishCorrectionsAsCorrectionComments() {
        Stories.Story story = Stories.published();
        String at = given().get("/v1/articles/" + story.id()).path("corrections[0].at");

        given().queryParam("format", "jsonld").get("/v1/articles/" + story.id())
                .then().statusCode(200)
                .body("correction", hasSize(1))
                .body("correction[0].'@type'", equalTo("CorrectionComment"))
                .body("correction[0].name", equalTo("Correction"))
                .body("correction[0].text", equalTo(Stories.CORRECTION))
                .body("correction[0].datePublished", equalTo(at));
    }

    @Test
    void shouldDescribePicturesAsImageObjectsWithAbsoluteUrls() {
        Stories.Story story = Stories.published();

        given().queryParam("format", "jsonld").get("/v1/articles/" + story.id())
                .then().statusCode(200)
                .body("image", hasSize(2))
                .body("image[0].'@type'", equalTo("ImageObject"))
                .body("image[0].'@id'", equalTo("urn:uuid:" + story.leadImage()))
                .body("image[0].contentUrl", startsWith("http://"))
                .body("image[0].contentUrl", endsWith("/v1/images/" + story.leadImage() + "/content"))
                .body("image[0].url", startsWith("http://"))
                .body("image[0].thumbnailUrl", startsWith("http://"))
                .body("image[0].width", equalTo(400))
                .body("image[0].height", equalTo(200))
                .body("image[0].encodingFormat", equalTo("image/png"))
                .body("image[0].caption", equalTo("Ferry at the quay"))
                .body("image[0].creditText", equalTo("Lede/Ines Berg"))
                .body("image[0].copyrightNotice", equalTo("(c) 2026 Lede"))
                .body("image[0].creator.'@type'", equalTo("Person"))
                .body("image[0].creator.name", equalTo("Ines Berg"))
                .body("image[1].'@id'", equalTo("urn:uuid:" + story.bodyImage()))
                .body("image[1].creditText", equalTo("Agency/Photo Desk"))
                .body("image[1]", not(hasKey("creator")));
    }

    @Test
    void shouldCiteQuotesAsQuotationsWithTheirSpeaker() {
        Stories.Story story = Stories.published();

        given().queryParam("format", "jsonld").get("/v1/articles/" + story.id())
                .then().statusCode(200)
                .body("citation", hasSize(1))
                .body("citation[0].'@type'", equalTo("Quotation"))
                .body("citation[0].'@id'", equalTo("urn:uuid:" + story.quote()))
                .body("citation[0].text", equalTo("We expect delays <until> the weekend."))
                .body("citation[0].inLanguage", equalTo("en"))
                .body("citation[0].creator.'@type'", equalTo("Person"))
                .body("citation[0].creator.name", equalTo(story.speaker()))
                .body("citation[0].creator.jobTitle", equalTo(Stories.SPEAKER_ROLE))
                .body("citation[0].creator.sameAs", contains(story.speakerEntity().uri()));
    }

    @Test
    void shouldSendALiveBlogAsALiveBlogPostingWithItsNewestUpdates() {
        Map<String, Object> body = TestApi.article(TestApi.uniqueSection(), "Storm over the coast, live");
        body.put("live", Map.of("status", "live"));
        String blog = TestApi.create(body).path("id");
        String first = postEntry(blog, "Winds reach the coast.");
        String url = given().get("/v1/articles/" + blog).path("url");

        given().queryParam("format", "jsonld").get("/v1/articles/" + blog)
                .then().statusCode(200)
                .header("Surrogate-Key", containsString("entries-" + blog))
                .body("'@type'", equalTo("LiveBlogPosting"))
                .body("coverageStartTime", equalTo(given().get("/v1/articles/" + blog).path("live.startedAt")))
                .body("$", not(hasKey("coverageEndTime")))
                .body("liveBlogUpdate", hasSize(1))
                .body("liveBlogUpdate[0].'@type'", equalTo("BlogPosting"))
                .body("liveBlogUpdate[0].'@id'", equalTo(url + "#entry-" + first))
                .body("liveBlogUpdate[0].articleBody", equalTo("Winds reach the coast."));

        // A new entry reaches the cached document: its responses carry the blog's entries key.
        String second = postEntry(blog, "Ferries stop.");
        given().queryParam("format", "jsonld").get("/v1/articles/" + blog)
                .then().statusCode(200)
                .body("liveBlogUpdate.'@id'", contains(url + "#entry-" + second, url + "#entry-" + first));
    }

    @Test
    void shouldListArticlesAsAnItemListThatPages() {
        String section = TestApi.uniqueSection();
        String oldest = TestApi.createPublished(section, "Older", "2026-02-01T10:00:00Z");
        String newest = TestApi.createPublished(section, "Newer", "2026-02-02T10:00:00Z");

        Response first = given().queryParam("section", section).queryParam("limit", 1).queryParam("format", "jsonld")
                .get("/v1/articles")
                .then().statusCode(200)
                .contentType("application/ld+json")
                .header("Link", containsString("format=jsonld"))
                .body("'@context'", equalTo("https://schema.org"))
                .body("'@type'", equalTo("ItemList"))
                .body("itemListElement.identifier", contains(newest))
                .body("itemListElement[0]", not(hasKey("@context")))
                .body("itemListElement[0].'@type'", equalTo("NewsArticle"))
                .body("next", containsString("format=jsonld"))
                .extract().response();
        given().get(first.path("next").toString())
                .then().statusCode(200)
                .contentType("application/ld+json")
                .body("itemListElement.identifier", contains(oldest))
                .body("next", nullValue());
    }

    private static String postEntry(String blog, String text) {
        return given().auth().oauth2(TestApi.editorToken()).contentType(ContentType.JSON)
                .body(Map.of("body", java.util.List.of(Map.of("type", "paragraph", "text", text))))
                .post("/v1/articles/" + blog + "/entries")
                .then().statusCode(201).extract().path("id");
    }
}
