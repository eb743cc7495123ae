package io.lede.article;

import static io.lede.TestApi.article;
import static io.lede.TestApi.create;
import static io.lede.TestApi.editorToken;
import static io.lede.TestApi.uniqueSection;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.lede.SearchSyntaxCases;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Search over headline, standfirst and body. The ranking assertions hold on both databases:
 * PostgreSQL's weighted tsvector and H2's fallback both rank headline over standfirst over body.
 */
@QuarkusTest
class ArticleSearchTest {

    private static Map<String, Object> story(String section, String headline, String standfirst, String paragraph,
            String publishedAt) {
        Map<String, Object> body = article(section, headline);
        body.put("standfirst", standfirst);
        body.put("body", List.of(Map.of("type", "paragraph", "text", paragraph)));
        body.put("publishedAt", publishedAt);
        return body;
    }

    @Test
    void shouldAnswerSearchesOfDashesAndOperatorsWithoutAnError() {
        String section = uniqueSection();
        String id = create(story(section, "Ferry timetable", "Winter ferries", "The ferry runs again.", "2026-05-03T10:00:00Z")).path("id");
        // A few dozen dashes once reached PostgreSQL as nested NOTs and overflowed its tsquery stack.
        for (String q : List.of("-".repeat(40), "- ".repeat(60), "(-".repeat(40), "ferry " + "-".repeat(40), "--ferry", "ferry --")) {
            for (String path : List.of("/v1/articles", "/v1/quotes", "/v1/images")) {
                given().queryParam("q", q).get(path).then().statusCode(200);
            }
            given().queryParam("q", q).queryParam("sort", "relevance").queryParam("highlight", "true").queryParam("count", "true")
                    .get("/v1/articles").then().statusCode(200);
        }
        given().queryParam("q", "ferry " + "-".repeat(40)).queryParam("section", section).get("/v1/articles")
                .then().statusCode(200).body("items.id", contains(id));
    }

    @Test
    void shouldRankHeadlineMatchesAboveStandfirstAboveBody() {
        String section = uniqueSection();
        // Newest first by time, so that relevance has to reorder them.
        String inBody = create(story(section, "Council meets", "Budget on the agenda",
                "Talk turned to the lighthouse at the end.", "2026-05-03T10:00:00Z")).path("id");
        String inStandfirst = create(story(section, "Port news", "The lighthouse gets a new lamp",
                "Engineers arrive on Monday.", "2026-05-02T10:00:00Z")).path("id");
        String inHeadline = create(story(section, "Lighthouse reopens to visitors", "After two years",
                "Tickets go on sale today.", "2026-05-01T10:00:00Z")).path("id");
        create(story(section, "Unrelated", "Nothing to see", "No match here.", "2026-05-04T10:00:00Z"));

        given().queryParam("section", section).queryParam("q", "lighthouse").queryParam("sort", "relevance")
                .get("/v1/articles")
                .then().statusCode(200)
                .body("items.id", contains(inHeadline, inStandfirst, inBody));
        given().queryParam("section", section).queryParam("q", "lighthouse").get("/v1/articles")
                .then().statusCode(200)
                .body("items.id", contains(inBody, inStandfirst, inHeadline));
    }

    @Test
    void shouldPageThroughRelevanceResults() {
        String section = uniqueSection();
        String first = create(story(section, "Glacier retreats", "Glacier study", "The glacier lost ice.",
                "2026-06-01T10:00:00Z")).path("id");
        String second = create(story(section, "Glacier retreats again", "Scientists worried", "Melt continues.",
                "2026-06-02T10:00:00Z")).path("id");
        String third = create(story(section, "Mountain huts close", "A glacier trail shut", "Snow came early.",
                "2026-06-03T10:00:00Z")).path("id");

        String next = given().queryParam("section", section).queryParam("q", "glacier").queryParam("sort", "relevance")
                .queryParam("limit", 2).get("/v1/articles")
                .then().statusCode(200)
                .body("items.id", contains(first, second))
                .extract().path("next");
        given().get(next).then().statusCode(200).body("items.id", contains(third));
    }

    @Test
    void shouldMatchAllWordsCaseInsensitively() {
        String section = uniqueSection();
        String both = create(story(section, "Night BUSES saved", "Council vote", "Routes stay.",
                "2026-07-01T10:00:00Z")).path("id");
        create(story(section, "Night trains", "Rail plans", "Only trains.", "2026-07-02T10:00:00Z"));

        given().queryParam("section", section).queryParam("q", "night buses").get("/v1/articles")
                .then().statusCode(200)
                .body("items.id", contains(both));
    }

    @Test
    void shouldMatchPhrasesExclusionsAndEveryWordOnEitherDatabase() {
        String section = uniqueSection();
        String phrase = create(story(section, "Ferry timetable changes", "Winter service", "From Monday.",
                "2026-08-01T10:00:00Z")).path("id");
        String words = create(story(section, "Timetable for the ferry", "Summer", "Later.",
                "2026-08-02T10:00:00Z")).path("id");

        given().queryParam("section", section).queryParam("q", "\"ferry timetable\"").get("/v1/articles")
                .then().statusCode(200).body("items.id", contains(phrase));
        given().queryParam("section", section).queryParam("q", "ferry -winter").get("/v1/articles")
                .then().statusCode(200).body("items.id", contains(words));
        given().queryParam("section", section).queryParam("q", "ferry timetable").get("/v1/articles")
                .then().statusCode(200).body("items.id", containsInAnyOrder(phrase, words));
    }

    @Test
    void shouldReadTheSearchSyntaxAsDocumented() {
        assumeTrue(isPostgres(), "H2's fallback matches terms literally");
        String section = uniqueSection();
        SearchSyntaxCases.check(section, q -> given().auth().oauth2(editorToken()).queryParam("section", section).queryParam("q", q)
                .get("/v1/articles").then().statusCode(200).extract().path("items.id"),
                ready -> assertTrue(ready.getAsBoolean(), "the stories were not found"));
    }

    @Test
    void shouldWeighTextAgainstAgeWithRelevance() {
        String section = uniqueSection();
        // A headline match outweighs a body match nine days newer, not one more than two years newer.
        String bodyMatch = create(story(section, "Council meets", "Budget talks", "The pier was discussed.",
                "2026-05-10T10:00:00Z")).path("id");
        String headlineMatch = create(story(section, "Pier repairs begin", "Budget talks", "Work starts.",
                "2026-05-01T10:00:00Z")).path("id");
        String oldHeadlineMatch = create(story(section, "Pier repairs planned", "Budget talks", "Work to start.",
                "2024-01-01T10:00:00Z")).path("id");
        String olderTwin = create(story(section, "Pier repairs begin", "Budget talks", "Work starts.",
                "2026-04-01T10:00:00Z")).path("id");

        given().queryParam("section", section).queryParam("q", "pier").queryParam("sort", "relevance")
                .get("/v1/articles")
                .then().statusCode(200)
                .body("items.id", contains(headlineMatch, olderTwin, bodyMatch, oldHeadlineMatch));
    }

    @Test
    void shouldHighlightMatchesAsEscapedHtml() {
        String section = uniqueSection();
        String id = create(story(section, "Harbour <script>alert(1)</script> reopens", "Boats & \"ships\" return",
                "Crowds gathered. The harbour master said it was a good day for everyone in the town.",
                "2026-09-01T10:00:00Z")).path("id");

        given().queryParam("section", section).queryParam("q", "harbour").queryParam("highlight", true)
                .get("/v1/articles")
                .then().statusCode(200)
                .body("items.id", contains(id))
                .body("items[0].highlights.field", contains("headline", "bodyText"))
                .body("items[0].highlights[0].fragment",
                        equalTo("<mark>Harbour</mark> &lt;script&gt;alert(1)&lt;/script&gt; reopens"))
                .body("items[0].highlights[1].fragment", containsString("The <mark>harbour</mark> master"))
                .body("items[0].highlights[1].fragment", not(containsString("<script")));
        // Without highlight=true items have none; without q it is a 400.
        given().queryParam("section", section).queryParam("q", "harbour").get("/v1/articles")
                .then().statusCode(200).body("items[0]", not(hasKey("highlights")));
        given().queryParam("highlight", true).get("/v1/articles")
                .then().statusCode(400).contentType("application/problem+json");
        // Only the fields asked for, highlights among them.
        given().queryParam("section", section).queryParam("q", "harbour").queryParam("highlight", true)
                .queryParam("fields", "highlights").get("/v1/articles")
                .then().statusCode(200).body("items[0].keySet()", containsInAnyOrder("id", "highlights"));
    }

    @Test
    void shouldNotHighlightTheWordsOfAnExcludedPhrase() {
        String section = uniqueSection();
        String id = create(story(section, "Ferry timetable planned", "Winter service",
                "The ferry leaves when it is dark.", "2026-09-02T10:00:00Z")).path("id");

        given().queryParam("section", section).queryParam("q", "planned -\"night ferry\"").queryParam("highlight", true)
                .get("/v1/articles")
                .then().statusCode(200)
                .body("items.id", contains(id))
                .body("items[0].highlights.field", contains("headline"))
                .body("items[0].highlights[0].fragment", equalTo("Ferry timetable <mark>planned</mark>"));
    }

    @Test
    void shouldAnswerHostileQueriesWithResultsOrAProblemNeverAnError() {
        // Web-search syntax never fails to parse; what the service refuses (control characters, lone
        // surrogates, more than 200 characters) is a 400 before the database sees it.
        String section = uniqueSection();
        create(story(section, "Storm warning", "Coast", "Winds.", "2026-10-01T10:00:00Z"));
        List<String> hostile = List.of("!!&|", "\"unbalanced", "\"", "-", "-storm", "((( storm", "storm <-> warning",
                "storm:*", "'; drop table article; --", "%_\\", "or", "\u0001storm", "storm\u0000", "a".repeat(10_000), "storm ".repeat(1_000),
                "\u00e9\u0301\u200d", "storm\ud800", "&|!():*<>'\"");
        for (String q : hostile) {
            for (String sort : List.of("newest", "relevance")) {
                var response = given().queryParam("section", section).queryParam("q", q).queryParam("sort", sort)
                        .queryParam("highlight", true).get("/v1/articles");
                int status = response.statusCode();
                // 414: the URI of 10,000 characters is over the service's limit for any request.
                assertTrue(status == 200 || status == 400 || status == 414 && q.length() == 10_000,
                        "q=" + q.substring(0, Math.min(q.length(), 40)) + " answered " + status);
                if (status != 200) {
                    assertEquals("application/problem+json", response.contentType().split(";")[0]);
                }
            }
        }
    }

    static boolean isPostgres() {
        return ConfigProvider.getConfig().getValue("quarkus.datasource.db-kind", String.class).startsWith("postgres");
    }
}
