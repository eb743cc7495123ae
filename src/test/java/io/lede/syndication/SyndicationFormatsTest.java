package io.lede.syndication;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.lede.TestApi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** What format= means for every reader: bad input, visibility, media types, ETags and caches per format. */
@QuarkusTest
class SyndicationFormatsTest {

    private static final List<String> FORMATS = List.of("ninjs", "jsonld");

    @Test
    void shouldRefuseAnUnknownFormatAndFieldsWithAStandard() {
        Stories.Story story = Stories.published();
        for (String path : List.of("/v1/articles/" + story.id(), "/v1/articles")) {
            given().queryParam("format", "xml").get(path)
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("format"))
                    .body("errors[0].message", containsString("json, jsonld, ninjs"));
            for (String format : FORMATS) {
                given().queryParam("format", format).queryParam("fields", "id,headline").get(path)
                        .then().statusCode(400)
                        .contentType("application/problem+json")
                        .body("errors[0].field", equalTo("fields"));
            }
        }
        given().queryParam("format", "json").get("/v1/articles/" + story.id())
                .then().statusCode(200).contentType("application/json").body("id", equalTo(story.id()));
    }

    @Test
    void shouldHideUnpublishedArticlesInEveryFormat() {
        Stories.Story draft = Stories.create("draft");
        String reader = TestApi.readerToken();
        for (String format : FORMATS) {
            given().queryParam("format", format).get("/v1/articles/" + draft.id())
                    .then().statusCode(404).contentType("application/problem+json");
            given().auth().oauth2(reader).queryParam("format", format).get("/v1/articles/" + draft.id())
                    .then().statusCode(404);
            given().queryParam("format", format).queryParam("section", draft.section()).get("/v1/articles")
                    .then().statusCode(200).body(containsString("\"next\":null"))
                    .body(org.hamcrest.Matchers.not(containsString(draft.id())));
        }
        // Editors see their draft, withheld from use and never cached publicly.
        given().auth().oauth2(TestApi.editorToken()).queryParam("format", "ninjs").get("/v1/articles/" + draft.id())
                .then().statusCode(200)
                .header("Cache-Control", "private, no-store")
                .body("pubStatus", equalTo("withheld"));
        given().auth().oauth2(TestApi.editorToken()).queryParam("format", "jsonld").get("/v1/articles/" + draft.id())
                .then().statusCode(200).body("identifier", equalTo(draft.id()));

        // A scheduled story is withheld until its time, which ninjs calls its embargo.
        Map<String, Object> scheduled = TestApi.article(TestApi.uniqueSection(), "Embargoed results");
        scheduled.put("status", "scheduled");
        scheduled.put("publishedAt", "2099-01-01T06:00:00Z");
        String embargoed = TestApi.create(scheduled).path("id");
        for (String format : FORMATS) {
            given().queryParam("format", format).get("/v1/articles/" + embargoed).then().statusCode(404);
        }
        Response editor = given().auth().oauth2(TestApi.editorToken()).get("/v1/articles/" + embargoed).then().extract().response();
        given().auth().oauth2(TestApi.editorToken()).queryParam("format", "ninjs").get("/v1/articles/" + embargoed)
                .then().statusCode(200)
                .body("pubStatus", equalTo("withheld"))
                .body("embargoedUntil", equalTo("2099-01-01T06:00:00Z"))
                .body("firstCreated", equalTo(editor.path("createdAt")));
    }

    @Test
    void shouldAnswerJsonLdToTheAcceptHeadersAPartnerSends() {
        Stories.Story story = Stories.published();
        String path = "/v1/articles/" + story.id();
        for (String accept : List.of("application/ld+json", "application/json", "*/*", "application/*",
                "application/ld+json, application/json;q=0.5")) {
            given().accept(accept).queryParam("format", "jsonld").get(path)
                    .then().statusCode(200).contentType("application/ld+json").body("identifier", equalTo(story.id()));
        }
        given().accept("text/html").queryParam("format", "jsonld").get(path)
                .then().statusCode(406).contentType("application/problem+json");
        given().accept("application/json, application/ld+json;q=0").queryParam("format", "jsonld").get(path)
                .then().statusCode(406);
        // Without format= the representation is Lede's JSON: asking for JSON-LD by Accept alone says how to get it.
        given().accept("application/ld+json").get(path)
                .then().statusCode(406).contentType("application/problem+json").body("detail", containsString("format"));
        given().accept("application/ld+json").queryParam("format", "ninjs").get(path).then().statusCode(406);
        given().accept("application/json").queryParam("format", "ninjs").get(path)
                .then().statusCode(200).contentType("application/json").body("uri", equalTo("urn:uuid:" + story.id()));
    }

    @Test
    void shouldTagEachFormatAndAnswerConditionalRequestsPerFormat() {
        Stories.Story story = Stories.published();
        String path = "/v1/articles/" + story.id();
        Map<String, String> tags = new java.util.HashMap<>();
        for (String format : List.of("json", "ninjs", "jsonld")) {
            Response first = given().queryParam("format", format).get(path).then().statusCode(200).extract().response();
            String etag = first.header("ETag");
            tags.put(format, etag);
            // The same bytes again (now from the response cache), and 304 to the tag the reader holds.
            given().queryParam("format", format).get(path)
                    .then().statusCode(200).header("ETag", etag).header("X-Cache", "hit")
                    .body(equalTo(first.asString()));
            given().queryParam("format", format).header("If-None-Match", etag).get(path)
                    .then().statusCode(304).header("ETag", etag).header("Cache-Control", startsWith("public"))
                    .header("Surrogate-Key", containsString("article-" + story.id()));
        }
        assertEquals(3, Set.copyOf(tags.values()).size(), "each format has its own ETag: " + tags);
        // Another format's tag is not a match.
        given().queryParam("format", "jsonld").header("If-None-Match", tags.get("ninjs")).get(path).then().statusCode(200);

        // An edit reaches every format: new bytes, new tags, the old tag no longer matches.
        TestApi.edit(path, Map.of("headline", "Ferries run again"));
        given().queryParam("format", "ninjs").header("If-None-Match", tags.get("ninjs")).get(path)
                .then().statusCode(200).body("headlines[0].value", equalTo("Ferries run again"));
        Response jsonld = given().queryParam("format", "jsonld").get(path).then().statusCode(200)
                .body("headline", equalTo("Ferries run again")).extract().response();
        assertNotEquals(tags.get("jsonld"), jsonld.header("ETag"));
    }

    @Test
    void shouldRefreshEveryFormatWhenAnEntityItShowsChanges() {
        Stories.Story story = Stories.published();
        String path = "/v1/articles/" + story.id();
        Map<String, String> tags = new java.util.HashMap<>();
        for (String format : FORMATS) {
            tags.put(format, given().queryParam("format", format).get(path).then().statusCode(200).extract().header("ETag"));
            given().queryParam("format", format).get(path).then().header("X-Cache", "hit");
        }

        TestApi.edit("/v1/entities/" + story.person().id(), Map.of("name", "Astrid Holm-Berg"));
        TestApi.edit("/v1/entities/" + story.agency().id(), Map.of("description", "Renamed agency"));
        String agencyUri = TestApi.uniqueWikidataUri();
        TestApi.edit("/v1/entities/" + story.agency().id(), Map.of("uri", agencyUri));

        given().queryParam("format", "ninjs").header("If-None-Match", tags.get("ninjs")).get(path)
                .then().statusCode(200)
                .body("people[0].name", equalTo("Astrid Holm-Berg"))
                .body("organisations[1].uri", equalTo(agencyUri));
        given().queryParam("format", "jsonld").header("If-None-Match", tags.get("jsonld")).get(path)
                .then().statusCode(200)
                .body("about[0].name", equalTo("Astrid Holm-Berg"))
                .body("author[1].sameAs[0]", equalTo(agencyUri));
    }

    @Test
    void shouldGiveAPartnerTheSameDocumentsAsAPrivateCopy() {
        Stories.Story story = Stories.published();
        String path = "/v1/articles/" + story.id();
        String reader = TestApi.readerToken();
        for (String format : FORMATS) {
            Response anonymous = given().queryParam("format", format).get(path).then().statusCode(200).extract().response();
            Response partner = given().auth().oauth2(reader).queryParam("format", format).get(path)
                    .then().statusCode(200)
                    .header("Cache-Control", "private, no-store")
                    .header("ETag", anonymous.header("ETag"))
                    .contentType(anonymous.contentType())
                    .extract().response();
            assertEquals(anonymous.asString(), partner.asString());
            given().auth().oauth2(reader).queryParam("format", format).header("If-None-Match", anonymous.header("ETag")).get(path)
                    .then().statusCode(304);
            given().auth().oauth2(reader).queryParam("format", format).queryParam("section", story.section()).get("/v1/articles")
                    .then().statusCode(200).header("Cache-Control", "private, no-store")
                    .body(containsString(story.id()));
        }
    }
}
