package io.lede.article;

import static io.lede.TestApi.article;
import static io.lede.TestApi.create;
import static io.lede.TestApi.createQuote;
import static io.lede.TestApi.edit;
import static io.lede.TestApi.editorToken;
import static io.lede.TestApi.quote;
import static io.lede.TestApi.uniqueSection;
import static io.lede.TestApi.uniqueSpeaker;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Articles and the quotes their bodies use. */
@QuarkusTest
class ArticleQuotesTest {

    private static Map<String, Object> quoteBlock(String id) {
        return Map.of("type", "quote", "quoteId", id);
    }

    @Test
    void shouldRefuseQuoteBlocksThatNameNoQuote() {
        String real = createQuote(quote(uniqueSpeaker("Real Person"), null, "Real words.")).path("id");
        Map<String, Object> story = article(uniqueSection(), "Bad quote reference");
        story.put("body", List.of(quoteBlock(real), Map.of("type", "paragraph", "text", "Text."),
                quoteBlock(UUID.randomUUID().toString())));

        given().auth().oauth2(editorToken()).contentType(ContentType.JSON).body(story).post("/v1/articles")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("body[2].quoteId"));
    }

    @Test
    void shouldListAnArticlesQuotesInBodyOrder() {
        String speaker = uniqueSpeaker("Order Speaker");
        String a = createQuote(quote(speaker, null, "A.")).path("id");
        String b = createQuote(quote(speaker, null, "B.")).path("id");
        String c = createQuote(quote(speaker, null, "C.")).path("id");
        Map<String, Object> story = article(uniqueSection(), "Three quotes");
        story.put("body", List.of(quoteBlock(c), Map.of("type", "paragraph", "text", "Between."), quoteBlock(a),
                quoteBlock(b), quoteBlock(c)));
        String id = create(story).path("id");
        String slug = given().get("/v1/articles/" + id).path("slug");

        given().get("/v1/articles/" + id + "/quotes")
                .then().statusCode(200)
                .header("ETag", org.hamcrest.Matchers.notNullValue())
                .body("items.id", contains(c, a, b))
                .body("items[0].text", equalTo("C."))
                .body("next", nullValue());
        given().get("/v1/articles/" + slug + "/quotes").then().statusCode(200).body("items.size()", equalTo(3));
        given().get("/v1/articles/" + UUID.randomUUID() + "/quotes").then().statusCode(404);
    }

    @Test
    void shouldInlineQuotesWithTheirSpeakersOnRequest() {
        String speaker = uniqueSpeaker("Inline Speaker");
        String quoteId = createQuote(quote(speaker, "mayor", "Inline me.")).path("id");
        String section = uniqueSection();
        Map<String, Object> story = article(section, "Inlined quote");
        story.put("body", List.of(Map.of("type", "paragraph", "text", "Intro."), quoteBlock(quoteId)));
        String id = create(story).path("id");

        given().get("/v1/articles/" + id)
                .then().statusCode(200)
                .body("body[1].quoteId", equalTo(quoteId))
                .body("body[1]", not(hasKey("quote")));
        given().queryParam("include", "quotes").get("/v1/articles/" + id)
                .then().statusCode(200)
                .body("body[1].type", equalTo("quote"))
                .body("body[1].quoteId", equalTo(quoteId))
                .body("body[1].quote.text", equalTo("Inline me."))
                .body("body[1].quote.speaker.name", equalTo(speaker))
                .body("body[1].quote.speaker.role", equalTo("mayor"));
        given().queryParam("section", section).queryParam("include", "quotes").get("/v1/articles")
                .then().statusCode(200)
                .body("items[0].body[1].quote.text", equalTo("Inline me."));
    }

    @Test
    void shouldNotStoreWhatAClientInlines() {
        String quoteId = createQuote(quote(uniqueSpeaker("Sneaky"), null, "Original.")).path("id");
        Map<String, Object> story = article(uniqueSection(), "Client sends an inlined quote");
        story.put("body", List.of(Map.of("type", "quote", "quoteId", quoteId, "quote", Map.of("text", "Forged."))));
        String id = create(story).then().body("body[0]", not(hasKey("quote"))).extract().path("id");
        given().queryParam("include", "quotes").get("/v1/articles/" + id)
                .then().body("body[0].quote.text", equalTo("Original."));
    }

    @Test
    void shouldLinkUnattachedQuotesToTheArticleThatUsesThem() {
        String loose = createQuote(quote(uniqueSpeaker("Loose"), null, "Unattached.")).path("id");
        String otherArticle = create(article(uniqueSection(), "Elsewhere")).path("id");
        Map<String, Object> attached = quote(uniqueSpeaker("Attached"), null, "Already somewhere.");
        attached.put("articleId", otherArticle);
        String bound = createQuote(attached).path("id");

        Map<String, Object> story = article(uniqueSection(), "Uses both");
        story.put("body", List.of(quoteBlock(loose), quoteBlock(bound)));
        String id = create(story).path("id");

        given().get("/v1/quotes/" + loose).then().body("articleId", equalTo(id));
        given().get("/v1/quotes/" + bound).then().body("articleId", equalTo(otherArticle));
    }

    @Test
    void shouldListQuotesLinkedButNotInTheBodyAfterTheBodyOnes() {
        String articleId = create(article(uniqueSection(), "Linked only")).path("id");
        Response inBody = createQuote(quote(uniqueSpeaker("Body"), null, "In the body."));
        Map<String, Object> linkedOnly = quote(uniqueSpeaker("Side"), null, "Only linked.");
        linkedOnly.put("articleId", articleId);
        String sideId = createQuote(linkedOnly).path("id");

        edit("/v1/articles/" + articleId, Map.of("body", List.of(quoteBlock(inBody.path("id")))));

        given().get("/v1/articles/" + articleId + "/quotes")
                .then().statusCode(200)
                .body("items.id", contains(inBody.path("id"), sideId));
    }
}
