package io.lede.article;

import static io.lede.TestApi.ADMIN;
import static io.lede.TestApi.article;
import static io.lede.TestApi.create;
import static io.lede.TestApi.edit;
import static io.lede.TestApi.editorToken;
import static io.lede.TestApi.readerToken;
import static io.lede.TestApi.uniqueSection;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
class CorrectionTest {

    private static Response correct(String articleId, Object body) {
        return given().auth().oauth2(editorToken()).contentType(ContentType.JSON).body(body)
                .post("/v1/articles/" + articleId + "/corrections");
    }

    @Test
    void shouldPublishACorrectionOnTheArticleAndInThePublicList() {
        String section = uniqueSection();
        String id = create(article(section, "Harbour has four berths")).path("id");
        Response before = given().get("/v1/articles/" + id).then().statusCode(200)
                .body("corrections", empty()).body("materiallyUpdatedAt", nullValue()).extract().response();
        given().get("/v1/corrections").then().statusCode(200); // the list is cached now

        Response created = correct(id, Map.of("kind", "correction", "text", "An earlier version said four berths; there are five."))
                .then().statusCode(201)
                .body("kind", equalTo("correction"))
                .body("text", equalTo("An earlier version said four berths; there are five."))
                .extract().response();
        String correctionId = created.path("id");
        String at = created.path("at");
        created.then().header("Location", containsString("/v1/corrections/" + correctionId))
                .header("ETag", notNullValue()).contentType("application/json");

        Response after = given().get("/v1/articles/" + id).then().statusCode(200)
                .body("corrections", hasSize(1))
                .body("corrections[0].id", equalTo(correctionId))
                .body("corrections[0].kind", equalTo("correction"))
                .body("corrections[0].at", equalTo(at))
                .body("materiallyUpdatedAt", equalTo(at))
                .body("updatedAt", equalTo(at))
                .extract().response();
        assertEquals(before.<Integer> path("version") + 1, (int) after.<Integer> path("version"));
        given().header("If-None-Match", before.header("ETag")).get("/v1/articles/" + id).then().statusCode(200);

        given().get("/v1/corrections").then().statusCode(200)
                .header("Cache-Control", "public, max-age=60, stale-while-revalidate=600")
                .body("items[0].id", equalTo(correctionId))
                .body("items[0].articleId", equalTo(id))
                .body("items[0].headline", equalTo("Harbour has four berths"))
                .body("items[0].url", containsString("/" + section + "/"));
        given().get("/v1/corrections/" + correctionId).then().statusCode(200).body("articleId", equalTo(id));

        correct(id, Map.of("kind", "update", "text", "The fifth berth reopened at noon.")).then().statusCode(201);
        given().get("/v1/articles/" + id).then().body("corrections.kind", equalTo(List.of("correction", "update")));
        given().queryParam("limit", 1).get("/v1/corrections").then().statusCode(200)
                .body("items[0].kind", equalTo("update"))
                .body("next", containsString("cursor="));
    }

    @Test
    void shouldAnswerBadCorrectionsWithProblems() {
        String id = create(article(uniqueSection(), "Night buses stay")).path("id");
        correct(id, Map.of("kind", "retraction", "text", "x")).then().statusCode(400).contentType("application/problem+json");
        correct(id, Map.of("kind", "correction", "text", " ")).then().statusCode(400).body("errors.field", hasItem("text"));
        correct(id, Map.of("kind", "correction", "text", "x".repeat(2001))).then().statusCode(400).body("errors.field", hasItem("text"));
        correct(id, Map.of("kind", "correction")).then().statusCode(400);
        correct(UUID.randomUUID().toString(), Map.of("kind", "correction", "text", "x")).then().statusCode(404);
        given().contentType(ContentType.JSON).body(Map.of("kind", "correction", "text", "x"))
                .post("/v1/articles/" + id + "/corrections").then().statusCode(401);
        given().auth().oauth2(readerToken()).contentType(ContentType.JSON).body(Map.of("kind", "correction", "text", "x"))
                .post("/v1/articles/" + id + "/corrections").then().statusCode(403);
        given().auth().oauth2(editorToken()).contentType(ContentType.JSON).header("If-Match", "\"stale\"")
                .body(Map.of("kind", "correction", "text", "x")).post("/v1/articles/" + id + "/corrections").then().statusCode(412);
        given().get("/v1/articles/" + id).then().body("corrections", empty());
        given().get("/v1/corrections/" + UUID.randomUUID()).then().statusCode(404);

        Map<String, Object> draft = article(uniqueSection(), "Not out yet");
        draft.put("status", "draft");
        String draftId = create(draft).path("id");
        correct(draftId, Map.of("kind", "correction", "text", "x")).then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void shouldShowCorrectionsOnlyWhileTheArticleIsPublished() {
        String id = create(article(uniqueSection(), "Ferry timetable changes")).path("id");
        String correctionId = correct(id, Map.of("kind", "clarification", "text", "Times are local.")).then().statusCode(201)
                .extract().path("id");
        given().get("/v1/corrections").then().body("items.id", hasItem(correctionId));
        edit("/v1/articles/" + id, Map.of("status", "archived"));
        given().get("/v1/corrections").then().statusCode(200).body("items.id", not(hasItem(correctionId)));
        given().get("/v1/corrections/" + correctionId).then().statusCode(404);
        // An article that has been out may still be corrected once archived; it stays out of the public list.
        correct(id, Map.of("kind", "correction", "text", "The archive copy had a typo.")).then().statusCode(201);
        given().auth().oauth2(ADMIN).get("/v1/articles/" + id).then().body("corrections", hasSize(2));
    }

    @Test
    void shouldHandACorrectedArticleToSyncClients() {
        String id = create(article(uniqueSection(), "Council votes on buses")).path("id");
        String token = sinceNow();
        correct(id, Map.of("kind", "correction", "text", "The vote was 23 to 19.")).then().statusCode(201);
        List<String> upserts = given().queryParam("since", token).get("/v1/sync").then().statusCode(200)
                .extract().path("upserts.id");
        assertTrue(upserts.contains(id), "sync hands the corrected article out again: " + upserts);
    }

    /** A sync token for "now": the next of a full sync's last page. */
    private static String sinceNow() {
        Response page = given().queryParam("limit", 100).get("/v1/sync").then().statusCode(200).extract().response();
        while (page.<Boolean> path("hasMore")) {
            page = given().queryParam("since", page.<String> path("next")).queryParam("limit", 100).get("/v1/sync")
                    .then().statusCode(200).extract().response();
        }
        return page.path("next");
    }
}
