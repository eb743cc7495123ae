package io.lede.article;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.lede.TestApi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Pages of very long articles stop short of their limit (PageBudget.TEXT_BUDGET)
 * instead of rendering hundreds of megabytes at once; nothing is skipped, the next page goes on.
 */
@QuarkusTest
class LongArticlesPagingTest {

    /** About 390,000 characters of body text: two fit in a page, three do not. */
    private static String createLong(String section, String headline, String publishedAt) {
        Map<String, Object> body = TestApi.article(section, headline);
        String paragraph = "The harbour ferry kept to its winter timetable while the storm passed over the bay. ".repeat(230);
        List<Map<String, Object>> blocks = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            blocks.add(new HashMap<>(Map.of("type", "paragraph", "text", paragraph.strip())));
        }
        body.put("body", blocks);
        body.put("publishedAt", publishedAt);
        return TestApi.create(body).path("id");
    }

    @Test
    void shouldCutAPageOfLongArticlesAndContinueOnTheNext() {
        String section = TestApi.uniqueSection();
        String oldest = createLong(section, "Long one", "2026-02-01T08:00:00Z");
        String middle = createLong(section, "Long two", "2026-02-02T08:00:00Z");
        String newest = createLong(section, "Long three", "2026-02-03T08:00:00Z");

        JsonPath first = given().queryParam("section", section).queryParam("limit", 3).get("/v1/articles")
                .then().statusCode(200)
                .body("items.id", contains(newest, middle))
                .body("next", notNullValue())
                .extract().jsonPath();
        given().get(first.getString("next"))
                .then().statusCode(200)
                .body("items.id", contains(oldest))
                .body("next", nullValue());

        // Headlines carry no body: all three, whatever their length.
        given().queryParam("section", section).queryParam("limit", 3).get("/v1/headlines")
                .then().statusCode(200)
                .body("items.id", contains(newest, middle, oldest));

        // Short articles fill the page as before.
        String shortSection = TestApi.uniqueSection();
        for (int i = 0; i < 3; i++) {
            TestApi.createPublished(shortSection, "Short " + i, "2026-02-0" + (i + 1) + "T08:00:00Z");
        }
        given().queryParam("section", shortSection).queryParam("limit", 3).get("/v1/articles")
                .then().statusCode(200).body("items", hasSize(3)).body("next", nullValue());
    }

    @Test
    void shouldCarryLongArticlesAcrossSyncPagesWithoutLosingOne() {
        String section = TestApi.uniqueSection();
        List<String> created = List.of(createLong(section, "Sync long one", "2026-02-01T08:00:00Z"),
                createLong(section, "Sync long two", "2026-02-02T08:00:00Z"),
                createLong(section, "Sync long three", "2026-02-03T08:00:00Z"));

        Map<String, Integer> seen = new HashMap<>();
        String since = null;
        for (int pages = 0; pages < 1000; pages++) {
            var request = given().queryParam("limit", 100);
            if (since != null) {
                request.queryParam("since", since);
            }
            JsonPath page = request.get("/v1/sync").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> upserts = page.getList("upserts");
            long text = upserts.stream().mapToLong(item -> String.valueOf(item.get("bodyText")).length()).sum();
            assertTrue(upserts.size() <= 1 || text <= PageBudget.TEXT_BUDGET,
                    "a sync page of " + upserts.size() + " articles holds " + text + " characters");
            upserts.forEach(item -> seen.merge((String) item.get("id"), 1, Integer::sum));
            since = page.getString("next");
            if (!page.getBoolean("hasMore")) {
                break;
            }
        }
        created.forEach(id -> assertEquals(1, seen.getOrDefault(id, 0), "article " + id + " in the sync"));
    }
}
