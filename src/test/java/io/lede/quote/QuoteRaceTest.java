package io.lede.quote;

import static io.lede.TestApi.ADMIN;
import static io.lede.TestApi.article;
import static io.lede.TestApi.create;
import static io.lede.TestApi.createQuote;
import static io.lede.TestApi.editorToken;
import static io.lede.TestApi.patch;
import static io.lede.TestApi.quote;
import static io.lede.TestApi.uniqueSection;
import static io.lede.TestApi.uniqueSpeaker;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.lede.Races;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Quotes and speakers written by clients racing each other: no lost quote, no race-made 409, 412 or 5xx. */
@QuarkusTest
class QuoteRaceTest {


    @Test
    void shouldKeepEveryQuoteOfANewSpeakerAndGiveThemOneSpeaker() {
        for (int round = 0; round < 5; round++) {
            String speaker = uniqueSpeaker("Nadia Brook");
            List<Response> responses = Races.times(10, () -> post(quote(speaker, "minister", "Every word counts.")));

            assertEquals(10, Races.count(responses, 201), () -> Races.statuses(responses).toString());
            Set<String> speakerIds = new HashSet<>();
            responses.forEach(response -> speakerIds.add(response.path("speaker.id")));
            assertEquals(1, speakerIds.size(), speakerIds::toString);
            given().auth().oauth2(editorToken()).get("/v1/speakers/" + speakerIds.iterator().next())
                    .then().statusCode(200).body("quoteCount", equalTo(10));
            int stored = given().auth().oauth2(editorToken()).queryParam("speaker", speaker).queryParam("count", "true")
                    .get("/v1/quotes").then().statusCode(200).extract().path("total");
            assertEquals(10, stored);
        }
    }

    @Test
    void shouldDeleteAQuoteOnceAndThenNotFindIt() {
        for (int round = 0; round < 5; round++) {
            String id = createQuote(quote(uniqueSpeaker("Tomas Reed"), null, "Gone soon.")).path("id");
            List<Response> responses = Races.times(6, () -> given().auth().oauth2(editorToken()).delete("/v1/quotes/" + id));

            assertEquals(1, Races.count(responses, 204), () -> Races.statuses(responses).toString());
            assertEquals(5, Races.count(responses, 404), () -> Races.statuses(responses).toString());
        }
    }

    @Test
    void shouldKeepASpeakerWhoseLastQuoteGoesWhileAnotherQuoteNamesThem() {
        for (int round = 0; round < 15; round++) {
            String speaker = uniqueSpeaker("Mira Holt");
            String first = createQuote(quote(speaker, "mayor", "First words.")).path("id");
            List<Response> responses = Races.together(List.of(
                    () -> given().auth().oauth2(editorToken()).delete("/v1/quotes/" + first),
                    () -> post(quote(speaker, "mayor", "Second words."))));

            assertEquals(List.of(204, 201), Races.statuses(responses), () -> responses.get(1).asString());
            String speakerId = responses.get(1).path("speaker.id");
            given().auth().oauth2(editorToken()).get("/v1/speakers/" + speakerId).then().statusCode(200);
        }
    }

    @Test
    void shouldKeepASpeakerWhoseLastQuoteMovesToAnotherWhileAQuoteNamesThem() {
        for (int round = 0; round < 15; round++) {
            String speaker = uniqueSpeaker("Jon Vale");
            Response first = createQuote(quote(speaker, "coach", "We train harder."));
            String other = uniqueSpeaker("Kai Stone");
            List<Response> responses = Races.together(List.of(
                    () -> patch(editorToken(), "/v1/quotes/" + first.path("id"), first.header("ETag"),
                            Map.of("speaker", Map.of("name", other))),
                    () -> post(quote(speaker, "coach", "We play to win."))));

            assertEquals(List.of(200, 201), Races.statuses(responses), () -> responses.get(1).asString());
            given().auth().oauth2(editorToken()).get("/v1/speakers/" + responses.get(1).path("speaker.id")).then().statusCode(200);
        }
    }

    @Test
    void shouldAnswerAQuoteForAnArticleBeingDeletedWithoutAServerError() {
        for (int round = 0; round < 15; round++) {
            Map<String, Object> draft = article(uniqueSection(), "Draft " + round);
            draft.put("status", "draft");
            String articleId = create(draft).path("id");
            Map<String, Object> body = quote(uniqueSpeaker("Lea Marsh"), null, "For the draft.");
            body.put("articleId", articleId);
            List<Response> responses = Races.together(List.of(
                    () -> post(body),
                    () -> given().auth().oauth2(ADMIN).delete("/v1/articles/" + articleId)));

            List<Integer> statuses = Races.statuses(responses);
            assertTrue(statuses.equals(List.of(201, 204)) || statuses.equals(List.of(400, 204)), statuses::toString);
            if (statuses.get(0) == 400) {
                assertEquals("articleId", responses.get(0).path("errors[0].field"));
            }
        }
    }

    private static Response post(Map<String, Object> body) {
        return given().auth().oauth2(editorToken()).contentType(ContentType.JSON).body(body).post("/v1/quotes");
    }
}
