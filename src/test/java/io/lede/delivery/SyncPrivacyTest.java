package io.lede.delivery;

import static io.lede.TestApi.ADMIN;
import static io.lede.TestApi.article;
import static io.lede.TestApi.create;
import static io.lede.TestApi.edit;
import static io.lede.TestApi.editorToken;
import static io.lede.TestApi.uniqueSection;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * /v1/sync is public: its deletes name only articles a public client could have seen (published
 * once, then unpublished or deleted), never drafts or embargoed stories.
 */
@QuarkusTest
class SyncPrivacyTest {


    @Test
    void shouldListOnlyOncePublicArticlesAsDeleted() {
        String token = upToDate(given().queryParam("limit", 100).get("/v1/sync").then().statusCode(200).extract().response());
        String section = uniqueSection();

        String draft = create(withStatus(article(section, "A draft"), "draft", null)).path("id");
        String scheduled = create(withStatus(article(section, "An embargoed story"), "scheduled", "2099-01-01T00:00:00Z")).path("id");
        String archivedDraft = create(withStatus(article(section, "Archived unseen"), "archived", null)).path("id");
        String deletedDraft = create(withStatus(article(section, "Deleted unseen"), "draft", null)).path("id");
        given().auth().oauth2(editorToken()).delete("/v1/articles/" + deletedDraft).then().statusCode(204);
        String unpublished = create(article(section, "Out, then back in")).path("id");
        edit("/v1/articles/" + unpublished, Map.of("status", "draft"));
        String deleted = create(article(section, "Out, then deleted")).path("id");
        given().auth().oauth2(ADMIN).delete("/v1/articles/" + deleted).then().statusCode(204);

        List<String> deletes = new ArrayList<>();
        Response page = given().queryParam("since", token).queryParam("limit", 3).get("/v1/sync").then().statusCode(200)
                .extract().response();
        deletes.addAll(page.path("deletes"));
        while (page.<Boolean> path("hasMore")) {
            page = given().queryParam("since", page.<String> path("next")).queryParam("limit", 3).get("/v1/sync")
                    .then().statusCode(200).extract().response();
            deletes.addAll(page.path("deletes"));
        }
        for (String hidden : List.of(draft, scheduled, archivedDraft, deletedDraft)) {
            assertFalse(deletes.contains(hidden), () -> "a never-published article reached a public client: " + hidden);
        }
        assertTrue(deletes.contains(unpublished), deletes::toString);
        assertTrue(deletes.contains(deleted), deletes::toString);
    }

    private static Map<String, Object> withStatus(Map<String, Object> body, String status, String publishedAt) {
        body.put("status", status);
        body.put("publishedAt", publishedAt);
        return body;
    }

    private static String upToDate(Response page) {
        Response current = page;
        while (current.<Boolean> path("hasMore")) {
            current = given().queryParam("since", current.<String> path("next")).queryParam("limit", 100).get("/v1/sync")
                    .then().statusCode(200).extract().response();
        }
        return current.path("next");
    }
}
