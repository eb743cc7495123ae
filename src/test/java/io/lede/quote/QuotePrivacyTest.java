package io.lede.quote;

import static io.lede.TestApi.article;
import static io.lede.TestApi.create;
import static io.lede.TestApi.createQuote;
import static io.lede.TestApi.edit;
import static io.lede.TestApi.editorToken;
import static io.lede.TestApi.quote;
import static io.lede.TestApi.uniqueSection;
import static io.lede.TestApi.uniqueSpeaker;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * A quote gathered for an embargoed story may be public (a published article quotes it), but
 * nothing public may reveal that the story exists: not its id, not a different answer to a filter.
 */
@QuarkusTest
class QuotePrivacyTest {


    @Test
    void shouldNotShowTheIdOfAnUnpublishedArticleAQuoteWasGatheredFor() {
        Map<String, Object> embargoed = article(uniqueSection(), "Embargoed story");
        embargoed.put("status", "draft");
        String draftId = create(embargoed).path("id");
        String speaker = uniqueSpeaker("Rosa Lind");
        Map<String, Object> said = quote(speaker, "engineer", "The bridge holds.");
        said.put("articleId", draftId);
        String quoteId = createQuote(said).path("id");
        Map<String, Object> published = article(uniqueSection(), "Bridge story");
        published.put("body", List.of(Map.of("type", "quote", "quoteId", quoteId)));
        String publishedId = create(published).path("id");

        given().get("/v1/quotes/" + quoteId).then().statusCode(200)
                .body("text", equalTo("The bridge holds."))
                .body("$", not(hasKey("articleId")));
        given().queryParam("speaker", speaker).get("/v1/quotes").then().statusCode(200)
                .body("items.size()", equalTo(1))
                .body("items[0]", not(hasKey("articleId")));
        given().queryParam("include", "quotes").get("/v1/articles/" + publishedId).then().statusCode(200)
                .body("body[0].quote.text", equalTo("The bridge holds."))
                .body("body[0].quote", not(hasKey("articleId")));
        given().get("/v1/articles/" + publishedId + "/quotes").then().statusCode(200)
                .body("items[0].id", equalTo(quoteId))
                .body("items[0]", not(hasKey("articleId")));

        // Editors see where it belongs, and everyone does once the story is out.
        given().auth().oauth2(editorToken()).get("/v1/quotes/" + quoteId).then().statusCode(200)
                .body("articleId", equalTo(draftId));
        edit("/v1/articles/" + draftId, Map.of("status", "published"));
        given().get("/v1/quotes/" + quoteId).then().statusCode(200).body("articleId", equalTo(draftId));
    }

    @Test
    void shouldAnswerAFilterByAnUnpublishedArticleAsForAnUnknownOne() {
        Map<String, Object> embargoed = article(uniqueSection(), "Scheduled story");
        embargoed.put("status", "scheduled");
        embargoed.put("publishedAt", "2099-01-01T00:00:00Z");
        String scheduledId = create(embargoed).path("id");
        Map<String, Object> said = quote(uniqueSpeaker("Ivo Grant"), null, "Not yet.");
        said.put("articleId", scheduledId);
        String quoteId = createQuote(said).path("id");
        // Quoted by a published article, so the quote itself is public.
        Map<String, Object> published = article(uniqueSection(), "Out already");
        published.put("body", List.of(Map.of("type", "quote", "quoteId", quoteId)));
        create(published);

        for (String query : List.of("", "&count=true", "&fields=id,text")) {
            Response forScheduled = given().urlEncodingEnabled(false).get("/v1/quotes?article=" + scheduledId + query);
            Response forUnknown = given().urlEncodingEnabled(false).get("/v1/quotes?article=" + UUID.randomUUID() + query);
            assertEquals(forUnknown.statusCode(), forScheduled.statusCode());
            assertEquals(forUnknown.asString(), forScheduled.asString());
            assertEquals(forUnknown.header("ETag"), forScheduled.header("ETag"));
        }
        given().auth().oauth2(editorToken()).queryParam("article", scheduledId).get("/v1/quotes")
                .then().statusCode(200).body("items[0].id", equalTo(quoteId));
    }
}
