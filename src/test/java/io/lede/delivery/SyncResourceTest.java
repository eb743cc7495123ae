package io.lede.delivery;

import static io.lede.TestApi.ADMIN;
import static io.lede.TestApi.article;
import static io.lede.TestApi.create;
import static io.lede.TestApi.edit;
import static io.lede.TestApi.uniqueSection;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** A client that applies every page of /v1/sync must end with exactly the server's published set. */
@QuarkusTest
class SyncResourceTest {


    @Inject
    SyncTokens tokens;

    /** The offline copy a mobile app keeps: id to headline. */
    private final Map<String, String> device = new HashMap<>();

    @Test
    void shouldEndWithTheServersPublishedSetWhenEditsHappenDuringASync() {
        String section = uniqueSection();
        List<Response> stories = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            stories.add(create(article(section, "Story " + i)));
        }

        Response page = given().queryParam("limit", 10).get("/v1/sync").then().statusCode(200).extract().response();
        apply(page);
        assertTrue(page.<Boolean> path("hasMore"), "the first page should not be the last");

        // While the device is paging: an edit, a deletion, an unpublishing and a new story.
        edit(path(stories.get(0)), Map.of("headline", "Story 0, updated"));
        given().auth().oauth2(ADMIN).delete("/v1/articles/" + stories.get(1).path("id")).then().statusCode(204);
        edit(path(stories.get(2)), Map.of("status", "draft"));
        String fresh = create(article(section, "Breaking during sync")).path("id");

        String next = follow(page);
        assertEquals(publishedOnServer(), device);
        assertEquals("Story 0, updated", device.get(stories.get(0).<String> path("id")));
        assertTrue(device.containsKey(fresh));

        // Later: a delta from the last token brings the device up to date again.
        edit(path(stories.get(3)), Map.of("headline", "Story 3, updated"));
        given().auth().oauth2(ADMIN).delete("/v1/articles/" + stories.get(4).path("id")).then().statusCode(204);
        edit(path(stories.get(5)), Map.of("status", "archived"));
        edit(path(stories.get(2)), Map.of("status", "published"));

        Response delta = given().queryParam("since", next).get("/v1/sync").then().statusCode(200).extract().response();
        apply(delta);
        follow(delta);
        assertEquals(publishedOnServer(), device);
        assertEquals("Story 3, updated", device.get(stories.get(3).<String> path("id")));
        assertTrue(device.containsKey(stories.get(2).<String> path("id")), "a story back from unpublished came back");
    }

    @Test
    void shouldRefuseTokensItDidNotHandOut() {
        String token = given().get("/v1/sync").then().statusCode(200).extract().path("next");
        given().queryParam("since", "nonsense").get("/v1/sync")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("since"));
        String tampered = token.substring(0, 5) + (token.charAt(5) == 'A' ? 'B' : 'A') + token.substring(6);
        given().queryParam("since", tampered).get("/v1/sync").then().statusCode(400);
        given().queryParam("limit", 101).get("/v1/sync").then().statusCode(400).body("errors[0].field", equalTo("limit"));
    }

    @Test
    void shouldSendClientsWithAnExpiredTokenBackToTheStart() {
        String old = tokens.encode(new SyncToken(false, null, Instant.now().minus(Duration.ofDays(31)), SyncToken.LOWEST, null));
        given().queryParam("since", old).get("/v1/sync")
                .then().statusCode(410)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:lede:problem:sync-expired"));
    }

    @Test
    void shouldKeepAnIdleTokenFresh() {
        String token = given().get("/v1/sync?limit=100").then().extract().path("next");
        Response page = given().queryParam("since", token).get("/v1/sync");
        while (page.<Boolean> path("hasMore")) {
            page = given().queryParam("since", page.<String> path("next")).get("/v1/sync");
        }
        SyncToken decoded = tokens.decode(page.path("next"));
        assertTrue(decoded.at().isAfter(Instant.now().minus(Duration.ofMinutes(1))), "an up-to-date token should sit near now");
    }

    @Test
    void shouldSyncOneLanguageWhenAsked() {
        String section = uniqueSection();
        Map<String, Object> german = article(section, "Nur auf Deutsch");
        german.put("language", "de");
        String germanId = create(german).path("id");
        String englishId = create(article(section, "Only in English")).path("id");

        Response page = given().queryParam("lang", "de").queryParam("limit", 10).get("/v1/sync").then().statusCode(200)
                .extract().response();
        apply(page);
        String next = follow(page);
        assertTrue(device.containsKey(germanId));
        assertTrue(!device.containsKey(englishId), "an English article reached a German-only device");
        device.keySet().forEach(id -> assertEquals("de",
                given().get("/v1/articles/" + id).then().statusCode(200).extract().path("language")));

        given().queryParam("since", next).queryParam("lang", "en").get("/v1/sync")
                .then().statusCode(400).body("errors[0].field", equalTo("lang"));
        given().queryParam("since", next).get("/v1/sync").then().statusCode(200);
    }

    private void apply(Response page) {
        List<Map<String, Object>> upserts = page.path("upserts");
        upserts.forEach(article -> device.put((String) article.get("id"), (String) article.get("headline")));
        List<String> deletes = page.path("deletes");
        deletes.forEach(device::remove);
    }

    /** After an applied page, fetches and applies the rest until up to date; returns the token to keep. */
    private String follow(Response applied) {
        Response current = applied;
        while (current.<Boolean> path("hasMore")) {
            current = given().queryParam("since", current.<String> path("next")).queryParam("limit", 10).get("/v1/sync")
                    .then().statusCode(200).extract().response();
            apply(current);
        }
        return current.path("next");
    }

    private static String path(Response article) {
        return "/v1/articles/" + article.path("id");
    }

    private static Map<String, String> publishedOnServer() {
        Map<String, String> published = new HashMap<>();
        String next = "/v1/articles?limit=100&fields=id,headline";
        while (next != null) {
            Response page = given().urlEncodingEnabled(false).get(next).then().statusCode(200).extract().response();
            List<Map<String, Object>> items = page.path("items");
            items.forEach(item -> published.put((String) item.get("id"), (String) item.get("headline")));
            next = page.path("next");
        }
        return published;
    }
}
