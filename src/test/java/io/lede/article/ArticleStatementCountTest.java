package io.lede.article;

import static io.lede.TestApi.ADMIN;
import static io.lede.TestApi.article;
import static io.lede.TestApi.create;
import static io.lede.TestApi.createQuote;
import static io.lede.TestApi.editorToken;
import static io.lede.TestApi.quote;
import static io.lede.TestApi.uniqueSection;
import static io.lede.TestApi.uniqueSpeaker;
import static io.lede.TestApi.uploadPng;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * No N+1: the SQL statements a list sends do not grow with the number of articles on the page,
 * whatever is inlined (counted with Hibernate's statistics, on in the test profiles).
 */
@QuarkusTest
class ArticleStatementCountTest {

    @Inject
    SessionFactory sessionFactory;

    @Test
    void shouldReadAPageWithInlinedQuotesAndImagesInTheSameStatementsForOneOrTenArticles() {
        String one = uniqueSection();
        String ten = uniqueSection();
        createIllustratedArticles(one, 1);
        createIllustratedArticles(ten, 10);

        String path = "/v1/articles?include=quotes,images&limit=10&section=";
        long forOne = statementsFor(path + one, 1);
        long forTen = statementsFor(path + ten, 10);
        // An N+1 would add nine or more; PostgreSQL has been seen to take one more for ten (not yet
        // explained, see the session note), so one is tolerated.
        assertTrue(forTen - forOne <= 1, "statements for a page of 1 (" + forOne + ") and a page of 10 (" + forTen + ")");
        assertTrue(forTen <= 8, "a page takes " + forTen + " statements");

        long single = statementsFor("/v1/articles/" + given().get(path + ten).path("items[0].id") + "?include=quotes,images", -1);
        assertTrue(single <= 8, "an article takes " + single + " statements");
    }

    @Test
    void shouldReadAnArticleWithItsTagsAndTranslationsInTwoStatements() {
        String section = uniqueSection();
        createIllustratedArticles(section, 1);
        String id = given().get("/v1/articles?section=" + section).path("items[0].id");

        // The article with its tags, then the other language versions of the story. The bootstrap
        // admin token is checked without a statement, so only the read itself is counted.
        long least = Long.MAX_VALUE;
        for (int attempt = 0; attempt < 10; attempt++) {
            long before = sessionFactory.getStatistics().getPrepareStatementCount();
            given().auth().oauth2(ADMIN).get("/v1/articles/" + id).then().statusCode(200).body("tags", hasSize(2));
            least = Math.min(least, sessionFactory.getStatistics().getPrepareStatementCount() - before);
        }
        assertEquals(2, least);
    }

    /** Each article has a lead image, an image block, two quote blocks (by two speakers) and two tags. */
    private static void createIllustratedArticles(String section, int count) {
        for (int i = 0; i < count; i++) {
            List<Object> body = new ArrayList<>();
            body.add(Map.of("type", "paragraph", "text", "Paragraph " + i));
            body.add(Map.of("type", "image", "imageId", uploadPng()));
            for (int q = 0; q < 2; q++) {
                String quoteId = createQuote(quote(uniqueSpeaker("Speaker"), "spokesperson", "Quote " + q + " of " + i)).path("id");
                body.add(Map.of("type", "quote", "quoteId", quoteId));
            }
            Map<String, Object> story = article(section, "Illustrated story " + i);
            story.put("leadImage", uploadPng());
            story.put("body", body);
            story.put("tags", List.of("one", "two"));
            create(story);
        }
    }

    /**
     * Statements sent while serving the path as an editor (never from the response cache); the
     * least of ten tries, so a statement of a background poll running meanwhile (the scheduler; the
     * webhook sender, every 100 ms in tests) is not counted.
     */
    private long statementsFor(String path, int expectedItems) {
        long least = Long.MAX_VALUE;
        for (int attempt = 0; attempt < 10; attempt++) {
            long before = sessionFactory.getStatistics().getPrepareStatementCount();
            var response = given().auth().oauth2(editorToken()).get(path).then().statusCode(200);
            if (expectedItems > 0) {
                response.body("items", hasSize(expectedItems))
                        .body("items[0].leadImage.id", notNullValue())
                        .body("items[0].body[2].quote.text", notNullValue());
            }
            least = Math.min(least, sessionFactory.getStatistics().getPrepareStatementCount() - before);
        }
        return least;
    }
}
