package io.lede.article;

import static io.lede.TestApi.ADMIN;
import static io.lede.TestApi.article;
import static io.lede.TestApi.create;
import static io.lede.TestApi.createQuote;
import static io.lede.TestApi.delete;
import static io.lede.TestApi.editorToken;
import static io.lede.TestApi.patch;
import static io.lede.TestApi.quote;
import static io.lede.TestApi.uniqueSection;
import static io.lede.TestApi.uniqueSpeaker;
import static io.lede.TestApi.uploadPng;
import static io.restassured.RestAssured.given;
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

/**
 * Articles written by clients racing each other: each request gets the answer it would get alone,
 * or the one it would get right after the other (never a 409, 412 or 5xx that only the race caused),
 * and what is stored keeps every rule.
 */
@QuarkusTest
class ArticleRaceTest {


    @Test
    void shouldKeepOneArticlePerLanguageInATranslationGroup() {
        for (int round = 0; round < 5; round++) {
            String section = uniqueSection();
            String original = create(article(section, "Harbour reopens " + round)).path("id");
            List<Response> responses = Races.times(12, () -> {
                Map<String, Object> body = article(section, "Hafen wieder offen " + section);
                body.put("language", "de");
                body.put("translationOf", original);
                return post(body);
            });

            assertEquals(1, Races.count(responses, 201), () -> "one translation per language: " + Races.statuses(responses));
            assertEquals(11, Races.count(responses, 409), () -> "the others conflict: " + Races.statuses(responses));
            responses.stream().filter(response -> response.statusCode() == 409).forEach(response -> {
                assertEquals("application/problem+json", response.contentType());
                assertEquals("urn:lede:problem:conflict", response.path("type"));
                assertTrue(response.<String> path("detail").contains("language de"), response.asString());
            });
            List<String> languages = given().auth().oauth2(editorToken()).get("/v1/articles/" + original)
                    .then().statusCode(200).extract().path("translations.language");
            assertEquals(List.of("de"), languages);
        }
    }

    @Test
    void shouldGiveEveryArticleOfOneHeadlineItsOwnSlug() {
        for (int round = 0; round < 3; round++) {
            String section = uniqueSection();
            List<Response> responses = Races.times(20, () -> post(article(section, "Same headline " + section)));

            assertEquals(20, Races.count(responses, 201), () -> "no slug was sent, so none conflicts: " + Races.statuses(responses));
            Set<String> slugs = new HashSet<>();
            responses.forEach(response -> slugs.add(response.path("slug")));
            assertEquals(20, slugs.size(), slugs::toString);
            assertTrue(slugs.contains("same-headline-" + section), slugs::toString);
            slugs.forEach(slug -> assertTrue(slug.startsWith("same-headline-" + section), slug));
        }
    }

    @Test
    void shouldNumberRacingSlugsAsIfTheCreatesCameOneAfterAnother() {
        for (int round = 0; round < 3; round++) {
            String section = uniqueSection();
            String base = "same-headline-" + section;
            List<Response> responses = Races.times(3, () -> post(article(section, "Same headline " + section)));

            assertEquals(3, Races.count(responses, 201), () -> Races.statuses(responses).toString());
            Set<String> slugs = new HashSet<>();
            responses.forEach(response -> slugs.add(response.path("slug")));
            assertEquals(Set.of(base, base + "-2", base + "-3"), slugs);
            // What was stored is what each create answered.
            responses.forEach(response -> given().get("/v1/articles/" + response.<String> path("slug")).then()
                    .statusCode(200).body("id", org.hamcrest.Matchers.equalTo(response.path("id"))));
        }
    }

    @Test
    void shouldRefuseASlugTheClientSentOnceItIsTaken() {
        String section = uniqueSection();
        List<Response> responses = Races.times(8, () -> {
            Map<String, Object> body = article(section, "Wanted slug");
            body.put("slug", "wanted-" + section);
            return post(body);
        });
        assertEquals(1, Races.count(responses, 201), () -> Races.statuses(responses).toString());
        assertEquals(7, Races.count(responses, 409), () -> Races.statuses(responses).toString());
        responses.stream().filter(response -> response.statusCode() == 409)
                .forEach(response -> assertTrue(response.<String> path("detail").contains("wanted-" + section), response.asString()));
    }

    @Test
    void shouldDeleteAnArticleOnceAndThenNotFindIt() {
        for (int round = 0; round < 5; round++) {
            String id = create(article(uniqueSection(), "Short-lived " + round)).path("id");
            List<Response> responses = Races.times(6, () -> given().auth().oauth2(ADMIN).delete("/v1/articles/" + id));

            assertEquals(1, Races.count(responses, 204), () -> Races.statuses(responses).toString());
            assertEquals(5, Races.count(responses, 404), () -> Races.statuses(responses).toString());
            given().auth().oauth2(ADMIN).get("/v1/articles/" + id).then().statusCode(404);
        }
    }

    @Test
    void shouldCheckIfMatchOfADeleteAgainstTheVersionItDeletes() {
        for (int round = 0; round < 15; round++) {
            Map<String, Object> body = article(uniqueSection(), "Contested " + round);
            body.put("status", "draft");
            Response created = create(body);
            String id = created.path("id");
            String etag = created.header("ETag");
            List<Response> responses = Races.together(List.of(
                    () -> patch(editorToken(), "/v1/articles/" + id, etag, Map.of("headline", "Edited meanwhile")),
                    () -> delete(editorToken(), "/v1/articles/" + id, etag)));

            List<Integer> statuses = Races.statuses(responses);
            // Either order is fine; both succeeding means the delete removed a version its If-Match did not name.
            assertTrue(statuses.equals(List.of(200, 412)) || statuses.equals(List.of(404, 204)), statuses::toString);
        }
    }

    @Test
    void shouldAnswerAnArticleQuotingAQuoteBeingDeletedWithoutAServerError() {
        for (int round = 0; round < 15; round++) {
            String quoteId = createQuote(quote(uniqueSpeaker("Ada Quill"), "pilot", "We sail at dawn.")).path("id");
            Map<String, Object> body = article(uniqueSection(), "Quoting " + round);
            body.put("body", List.of(Map.of("type", "quote", "quoteId", quoteId)));
            List<Response> responses = Races.together(List.of(
                    () -> post(body),
                    () -> given().auth().oauth2(editorToken()).delete("/v1/quotes/" + quoteId)));

            List<Integer> statuses = Races.statuses(responses);
            // Article first: the quote is in use by a published article (409). Quote first: the article names no quote (400).
            assertTrue(statuses.equals(List.of(201, 409)) || statuses.equals(List.of(400, 204)), statuses::toString);
            if (statuses.get(0) == 400) {
                assertEquals("body[0].quoteId", responses.get(0).path("errors[0].field"));
            }
        }
    }

    @Test
    void shouldAnswerAnArticleUsingAnImageBeingDeletedWithoutAServerError() {
        for (int round = 0; round < 10; round++) {
            String imageId = uploadPng();
            Map<String, Object> body = article(uniqueSection(), "Pictured " + round);
            body.put("leadImage", imageId);
            List<Response> responses = Races.together(List.of(
                    () -> post(body),
                    () -> given().auth().oauth2(ADMIN).delete("/v1/images/" + imageId)));

            List<Integer> statuses = Races.statuses(responses);
            assertTrue(statuses.equals(List.of(201, 409)) || statuses.equals(List.of(400, 204)), statuses::toString);
            if (statuses.get(0) == 400) {
                assertEquals("leadImage", responses.get(0).path("errors[0].field"));
            }
        }
    }

    private static Response post(Map<String, Object> body) {
        return given().auth().oauth2(editorToken()).contentType(ContentType.JSON).body(body).post("/v1/articles");
    }
}
