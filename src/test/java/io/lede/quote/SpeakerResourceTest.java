package io.lede.quote;

import static io.lede.TestApi.createQuote;
import static io.lede.TestApi.editorToken;
import static io.lede.TestApi.quote;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class SpeakerResourceTest {

    @Test
    void shouldTreatThreeSpellingsAsOneSpeaker() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String first = createQuote(QuoteResourceTest.dated(quote("Dmitri Pesk " + tag, "spokesman", "One."), "2026-04-01T10:00:00Z"))
                .path("speaker.id");
        String second = createQuote(QuoteResourceTest.dated(quote("dmitri  pesk " + tag, "spokesman", "Two."), "2026-04-02T10:00:00Z"))
                .path("speaker.id");
        String third = createQuote(QuoteResourceTest.dated(quote("  Dmítri PESK " + tag, "press secretary", "Three."), "2026-04-03T10:00:00Z"))
                .path("speaker.id");
        assertEquals(first, second);
        assertEquals(first, third);

        given().get("/v1/speakers/" + first)
                .then().statusCode(200)
                .header("ETag", org.hamcrest.Matchers.notNullValue())
                .body("quoteCount", equalTo(3))
                .body("latestQuoteAt", equalTo("2026-04-03T10:00:00Z"))
                .body("name", equalTo("Dmítri PESK " + tag))
                .body("role", equalTo("press secretary"))
                .body("roles", contains("press secretary", "spokesman"));
        given().queryParam("q", "dmitri pesk " + tag).get("/v1/speakers")
                .then().statusCode(200)
                .body("items.id", contains(first))
                .body("items[0].quoteCount", equalTo(3))
                .body("items[0].roles", contains("press secretary", "spokesman"));
        given().queryParam("speaker", "DMITRI PESK " + tag).get("/v1/quotes")
                .then().body("items.size()", equalTo(3));
        given().queryParam("speaker", first).get("/v1/quotes")
                .then().body("items.size()", equalTo(3));
    }

    @Test
    void shouldShowTheSpellingUsedMost() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        createQuote(QuoteResourceTest.dated(quote("Ana Lind " + tag, null, "One."), "2026-06-01T10:00:00Z"));
        createQuote(QuoteResourceTest.dated(quote("Ana Lind " + tag, null, "Two."), "2026-06-02T10:00:00Z"));
        String id = createQuote(QuoteResourceTest.dated(quote("ana lind " + tag, null, "Three."), "2026-06-03T10:00:00Z"))
                .path("speaker.id");
        given().get("/v1/speakers/" + id).then().body("name", equalTo("Ana Lind " + tag)).body("roles.size()", equalTo(0));
    }

    @Test
    void shouldKeepTheLatestRoleWhenTheLatestQuoteHasNone() {
        String name = "Role Keeper " + UUID.randomUUID().toString().substring(0, 8);
        createQuote(QuoteResourceTest.dated(quote(name, "minister", "Earlier."), "2026-05-01T10:00:00Z"));
        String id = createQuote(QuoteResourceTest.dated(quote(name, null, "Later, no role given."), "2026-05-02T10:00:00Z"))
                .path("speaker.id");
        given().get("/v1/speakers/" + id).then().body("role", equalTo("minister")).body("quoteCount", equalTo(2));
    }

    @Test
    void shouldPageSpeakersByName() {
        String tag = "pager" + UUID.randomUUID().toString().substring(0, 6);
        for (String name : List.of("Charlie " + tag, "alice " + tag, "Bob " + tag)) {
            createQuote(quote(name, null, "Hello from " + name));
        }
        Response first = given().queryParam("q", tag).queryParam("limit", 2).queryParam("count", true).get("/v1/speakers")
                .then().statusCode(200)
                .body("items.name", contains("alice " + tag, "Bob " + tag))
                .body("total", equalTo(3))
                .extract().response();
        given().get(first.<String> path("next")).then().statusCode(200).body("items.name", contains("Charlie " + tag))
                .body("next", nullValue());
    }

    @Test
    void shouldForgetASpeakerWhoseLastQuoteIsDeleted() {
        Response created = createQuote(quote("Brief Appearance " + UUID.randomUUID(), null, "Once."));
        String speakerId = created.path("speaker.id");
        given().auth().oauth2(editorToken()).delete("/v1/quotes/" + created.path("id")).then().statusCode(204);
        given().get("/v1/speakers/" + speakerId).then().statusCode(404);
    }

    @Test
    void shouldAnswerBadRequestsAndUnknownSpeakers() {
        given().get("/v1/speakers/" + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
        given().get("/v1/speakers/nobody").then().statusCode(404);
        given().queryParam("limit", "500").get("/v1/speakers").then().statusCode(400).body("errors[0].field", equalTo("limit"));
        given().queryParam("cursor", "bogus").get("/v1/speakers").then().statusCode(400).body("errors[0].field", equalTo("cursor"));
    }
}
