package io.lede.article;

import static io.lede.TestApi.ADMIN;
import static io.lede.TestApi.article;
import static io.lede.TestApi.create;
import static io.lede.TestApi.edit;
import static io.lede.TestApi.editorToken;
import static io.lede.TestApi.uniqueSection;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** An article that has ever been published is deleted only by an admin, whatever its status now. */
@QuarkusTest
class ArticleDeletionRightsTest {

    @Test
    void shouldKeepAnEditorFromDeletingAnArticleUnpublishedFirst() {
        for (String status : new String[] { "archived", "draft" }) {
            String id = create(article(uniqueSection(), "Published, then " + status)).path("id");
            edit("/v1/articles/" + id, Map.of("status", status));

            given().auth().oauth2(editorToken()).delete("/v1/articles/" + id)
                    .then().statusCode(403)
                    .contentType("application/problem+json")
                    .body("detail", containsString("admin"));
            given().auth().oauth2(editorToken()).get("/v1/articles/" + id).then().statusCode(200);
            given().auth().oauth2(ADMIN).delete("/v1/articles/" + id).then().statusCode(204);
        }
    }

    @Test
    void shouldKeepAnEditorFromDeletingAScheduledArticleThatWentLive() {
        Map<String, Object> body = article(uniqueSection(), "Scheduled in the past");
        body.put("status", "scheduled");
        body.put("publishedAt", "2026-01-01T00:00:00Z");
        String id = create(body).path("id");
        edit("/v1/articles/" + id, Map.of("status", "archived"));

        given().auth().oauth2(editorToken()).delete("/v1/articles/" + id).then().statusCode(403);
    }

    @Test
    void shouldLetAnEditorDeleteWhatWasNeverPublished() {
        for (String status : new String[] { "draft", "archived", "scheduled" }) {
            Map<String, Object> body = article(uniqueSection(), "Never out, " + status);
            body.put("status", status);
            body.put("publishedAt", "scheduled".equals(status) ? "2099-01-01T00:00:00Z" : null);
            String id = create(body).path("id");
            edit("/v1/articles/" + id, Map.of("headline", "Still never out"));

            given().auth().oauth2(editorToken()).delete("/v1/articles/" + id).then().statusCode(204);
        }
    }
}
