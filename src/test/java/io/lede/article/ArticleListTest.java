package io.lede.article;

import static io.lede.TestApi.article;
import static io.lede.TestApi.create;
import static io.lede.TestApi.createPublished;
import static io.lede.TestApi.editorToken;
import static io.lede.TestApi.patch;
import static io.lede.TestApi.readerToken;
import static io.lede.TestApi.uniqueSection;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
class ArticleListTest {

    private static String minutesAgo(int minutes) {
        return Instant.now().minus(minutes, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    @Test
    void shouldListNewestFirstWithANextLinkInBodyAndHeader() {
        String section = uniqueSection();
        String oldest = createPublished(section, "Oldest", minutesAgo(30));
        String middle = createPublished(section, "Middle", minutesAgo(20));
        String newest = createPublished(section, "Newest", minutesAgo(10));

        Response first = given().queryParam("section", section).queryParam("limit", 2).get("/v1/articles")
                .then().statusCode(200)
                .contentType(ContentType.JSON)
                .header("Cache-Control", "public, max-age=60, stale-while-revalidate=600")
                .body("items.id", contains(newest, middle))
                .body("$", not(hasKey("total")))
                .extract().response();
        String next = first.path("next");
        assertTrue(next.startsWith("/v1/articles?"), next);
        assertEquals("<" + next + ">; rel=\"next\"", first.header("Link"));

        given().get(next).then().statusCode(200)
                .body("items.id", contains(oldest))
                .body("next", nullValue());
    }

    @Test
    void shouldSortOldestFirst() {
        String section = uniqueSection();
        String a = createPublished(section, "A", minutesAgo(30));
        String b = createPublished(section, "B", minutesAgo(20));
        String c = createPublished(section, "C", minutesAgo(10));
        List<String> ids = collect(given().queryParam("section", section).queryParam("sort", "oldest")
                .queryParam("limit", 1).get("/v1/articles"));
        assertEquals(List.of(a, b, c), ids);
    }

    @Test
    void shouldKeepPagesStableWhenStoriesArePublishedMeanwhile() {
        String section = uniqueSection();
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            expected.add(0, createPublished(section, "Story " + i, minutesAgo(60 - i)));
        }
        // Two stories share a publication time: the id breaks the tie, nothing is skipped or repeated.
        String twinTime = minutesAgo(70);
        String twinA = createPublished(section, "Twin A", twinTime);
        String twinB = createPublished(section, "Twin B", twinTime);
        expected.addAll(twinA.compareTo(twinB) > 0 ? List.of(twinA, twinB) : List.of(twinB, twinA));

        Response page = given().queryParam("section", section).queryParam("limit", 2).get("/v1/articles");
        List<String> seen = new ArrayList<>(page.path("items.id"));
        String next = page.path("next");
        int inserted = 0;
        while (next != null) {
            // A newer story appears between every two page requests.
            createPublished(section, "Breaking " + inserted++, minutesAgo(0));
            page = given().get(next);
            page.then().statusCode(200);
            seen.addAll(page.path("items.id"));
            next = page.path("next");
        }
        assertEquals(expected, seen);
    }

    @Test
    void shouldCountWhenAsked() {
        String section = uniqueSection();
        for (int i = 0; i < 3; i++) {
            createPublished(section, "Counted " + i, minutesAgo(i + 1));
        }
        given().queryParam("section", section).queryParam("count", "true").queryParam("limit", 1).get("/v1/articles")
                .then().statusCode(200)
                .body("total", equalTo(3))
                .body("items.size()", equalTo(1));
    }

    @Test
    void shouldFilterByTagLanguageAndTime() {
        String section = uniqueSection();
        Map<String, Object> tagged = article(section, "Tagged");
        tagged.put("tags", List.of("Elections", "europe"));
        tagged.put("publishedAt", "2026-03-10T12:00:00Z");
        String taggedId = create(tagged).path("id");
        Map<String, Object> german = article(section, "Deutsch");
        german.put("language", "de");
        german.put("publishedAt", "2026-03-12T12:00:00Z");
        String germanId = create(german).path("id");

        given().queryParam("section", section).queryParam("tag", "elections").get("/v1/articles")
                .then().body("items.id", contains(taggedId));
        given().queryParam("section", section).queryParam("lang", "de").get("/v1/articles")
                .then().body("items.id", contains(germanId));
        given().queryParam("section", section).queryParam("from", "2026-03-11").get("/v1/articles")
                .then().body("items.id", contains(germanId));
        given().queryParam("section", section).queryParam("to", "2026-03-10").get("/v1/articles")
                .then().body("items.id", contains(taggedId));
        given().queryParam("section", section).queryParam("from", "2026-03-10T12:00:00Z")
                .queryParam("to", "2026-03-12T12:00:00Z").get("/v1/articles")
                .then().body("items.id", contains(taggedId));
    }

    @Test
    void shouldReturnAnEmptyPageNotAnError() {
        given().queryParam("section", uniqueSection()).get("/v1/articles")
                .then().statusCode(200)
                .body("items.size()", equalTo(0))
                .body("next", nullValue());
    }

    @Test
    void shouldListDraftsOnlyForEditors() {
        String section = uniqueSection();
        Map<String, Object> draft = article(section, "Unpublished");
        draft.put("status", "draft");
        String draftId = create(draft).path("id");
        String publishedId = create(article(section, "Published")).path("id");

        given().queryParam("section", section).get("/v1/articles")
                .then().body("items.id", contains(publishedId));
        given().queryParam("section", section).queryParam("status", "draft").get("/v1/articles")
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(readerToken()).queryParam("section", section).queryParam("status", "draft")
                .get("/v1/articles")
                .then().statusCode(403);
        given().auth().oauth2(editorToken()).queryParam("section", section).queryParam("status", "draft,published")
                .get("/v1/articles")
                .then().statusCode(200)
                .header("Cache-Control", "private, no-store")
                .body("items.id", contains(publishedId, draftId));
    }

    @Test
    void shouldApplyFieldsToEveryItem() {
        String section = uniqueSection();
        createPublished(section, "One", minutesAgo(2));
        createPublished(section, "Two", minutesAgo(1));
        List<Map<String, Object>> items = given().queryParam("section", section).queryParam("fields", "id,headline")
                .get("/v1/articles").then().statusCode(200).extract().path("items");
        assertEquals(2, items.size());
        items.forEach(item -> assertEquals(Set.of("id", "headline"), item.keySet()));
    }

    @Test
    void shouldChangeTheListETagWhenAnItemChanges() {
        String section = uniqueSection();
        Response created = create(article(section, "Tag source"));
        String before = given().queryParam("section", section).get("/v1/articles").then().extract().header("ETag");
        given().queryParam("section", section).header("If-None-Match", before).get("/v1/articles")
                .then().statusCode(304);

        patch(editorToken(), "/v1/articles/" + created.path("id"), created.header("ETag"), Map.of("standfirst", "Edited"))
                .then().statusCode(200);

        String after = given().queryParam("section", section).header("If-None-Match", before).get("/v1/articles")
                .then().statusCode(200).extract().header("ETag");
        assertNotEquals(before, after);
    }

    @Test
    void shouldRejectBadParameters() {
        expectBadParameter("limit", "0");
        expectBadParameter("limit", "101");
        expectBadParameter("limit", "ten");
        // Numbers are ASCII digits: not a sign, not another script's digits (one page, one URL).
        expectBadParameter("limit", "+3");
        expectBadParameter("limit", "\u0665");
        expectBadParameter("limit", "\uff12");
        expectBadParameter("sort", "popular");
        expectBadParameter("from", "last week");
        expectBadParameter("to", "2026-13-45");
        expectBadParameter("cursor", "not-a-cursor");
        expectBadParameter("count", "maybe");
        expectBadParameter("lang", "english!");
        expectBadParameter("status", "secret");
        expectBadParameter("q", "x".repeat(201));
        given().queryParam("sort", "relevance").get("/v1/articles")
                .then().statusCode(400).body("errors[0].field", equalTo("sort"));
        given().queryParam("from", "2026-03-12").queryParam("to", "2026-03-01").get("/v1/articles")
                .then().statusCode(400).body("errors[0].field", equalTo("to"));
    }

    @Test
    void shouldRejectACursorOfAnotherSort() {
        String section = uniqueSection();
        createPublished(section, "One", minutesAgo(2));
        createPublished(section, "Two", minutesAgo(1));
        String next = given().queryParam("section", section).queryParam("limit", 1).get("/v1/articles").path("next");
        String cursor = next.substring(next.indexOf("cursor=") + 7);
        given().queryParam("section", section).queryParam("sort", "oldest").queryParam("cursor", cursor)
                .get("/v1/articles")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"))
                .body("errors[0].message", containsString("newest"));
    }

    private static void expectBadParameter(String name, String value) {
        given().auth().oauth2(editorToken()).queryParam(name, value).get("/v1/articles")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo(name));
    }

    private static List<String> collect(Response first) {
        List<String> ids = new ArrayList<>(first.path("items.id"));
        String next = first.path("next");
        while (next != null) {
            Response page = given().get(next);
            ids.addAll(page.path("items.id"));
            next = page.path("next");
        }
        return ids;
    }
}
