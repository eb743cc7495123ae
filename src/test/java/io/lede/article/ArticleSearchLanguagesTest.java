package io.lede.article;

import static io.lede.TestApi.article;
import static io.lede.TestApi.create;
import static io.lede.TestApi.uniqueSection;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Each article is analysed in its own language on PostgreSQL, and a query in every language: a
 * search finds other forms of its words. H2's LIKE fallback has no stemming, so these run on
 * PostgreSQL only.
 */
@QuarkusTest
class ArticleSearchLanguagesTest {

    private String section;

    @BeforeEach
    void onPostgresOnly() {
        assumeTrue(ArticleSearchTest.isPostgres(), "stemming is PostgreSQL's text search");
        section = uniqueSection();
    }

    private String story(String language, String headline, String paragraph) {
        Map<String, Object> body = article(section, headline);
        body.put("language", language);
        body.put("standfirst", null);
        body.put("body", List.of(Map.of("type", "paragraph", "text", paragraph)));
        return create(body).path("id");
    }

    private void searchFinds(String q, String... ids) {
        given().queryParam("section", section).queryParam("q", q).get("/v1/articles")
                .then().statusCode(200).body("items.id", contains((Object[]) ids));
    }

    @Test
    void shouldStemEnglish() {
        String id = story("en", "Ferries cancelled", "Storms kept every boat in port.");
        searchFinds("ferry", id);
        searchFinds("cancelling boats", id);
    }

    @Test
    void shouldStemGerman() {
        String id = story("de", "Neue Kräne für die Häfen", "Die Arbeiten dauern zwei Jahre.");
        searchFinds("Hafen", id);
        searchFinds("Arbeit", id);
    }

    @Test
    void shouldStemRussian() {
        String id = story("ru", "Паромы возвращаются", "Жители острова ждали новостей.");
        searchFinds("паром", id);
        searchFinds("новости", id);
    }

    @Test
    void shouldStemFrench() {
        String id = story("fr", "Les ports rouvrent", "Les marins attendaient les nouvelles règles.");
        searchFinds("port", id);
        searchFinds("marin", id);
    }

    @Test
    void shouldStemSpanish() {
        String id = story("es", "Los puertos reabren", "Los pescadores celebraron las noticias.");
        searchFinds("puerto", id);
        searchFinds("pescador", id);
    }

    @Test
    void shouldFollowThePrimarySubtag() {
        String id = story("en-GB", "Harbours reopen", "Councils agreed.");
        searchFinds("harbour", id);
    }

    @Test
    void shouldMatchOtherLanguagesAsWrittenWithoutStemming() {
        String id = story("it", "I traghetti tornano", "Il porto riapre domani.");
        searchFinds("traghetti", id);
        // No Italian stemming: the singular is another word.
        given().queryParam("section", section).queryParam("q", "traghetto").get("/v1/articles")
                .then().statusCode(200).body("items", empty());
    }

    @Test
    void shouldMatchQuotedPhrasesAsPhrasesAfterStemming() {
        String phrase = story("en", "Night ferries resume", "Timetables change.");
        story("en", "Ferries at night", "Resume later.");
        searchFinds("\"night ferry\"", phrase);
    }

    @Test
    void shouldRankStemmedMatchesAndHighlightThem() {
        String id = story("de", "Die Häfen öffnen wieder", "Alle Häfen sind bereit.");
        given().queryParam("section", section).queryParam("q", "hafen").queryParam("sort", "relevance")
                .queryParam("highlight", true).get("/v1/articles")
                .then().statusCode(200)
                .body("items.id", contains(id))
                .body("items[0].highlights.field", contains("headline", "bodyText"))
                .body("items[0].highlights[0].fragment", org.hamcrest.Matchers.equalTo("Die <mark>Häfen</mark> öffnen wieder"));
    }
}
