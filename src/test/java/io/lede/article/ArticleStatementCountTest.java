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
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.lede.StatementLog;
import io.quarkus.test.junit.QuarkusTest;

/**
 * No N+1: the SQL statements a list sends do not grow with the number of articles on the page,
 * whatever is inlined (the statements of the threads serving requests, recorded by {@link StatementLog}).
 */
@QuarkusTest
class ArticleStatementCountTest {

    @Test
    void shouldReadAPageWithInlinedQuotesAndImagesInTheSameStatementsForOneOrTenArticles() {
        String one = uniqueSection();
        String ten = uniqueSection();
        createIllustratedArticles(one, 1);
        createIllustratedArticles(ten, 10);

        String path = "/v1/articles?include=quotes,images&limit=10&section=";
        List<String> forOne = statementsFor(path + one, 1);
        List<String> forTen = statementsFor(path + ten, 10);
        // An N+1 would add nine or more. A page of two or more items takes one statement more:
        // PageBudget reads the lengths of their bodies before loading them.
        assertEquals(forOne.size() + 1, forTen.size(), "statements for a page of 1:\n" + lines(forOne) + "\nand a page of 10:\n" + lines(forTen));
        assertTrue(forTen.size() <= 8, "a page takes " + lines(forTen));

        List<String> single = statementsFor("/v1/articles/" + given().get(path + ten).path("items[0].id") + "?include=quotes,images", -1);
        assertTrue(single.size() <= 8, "an article takes " + lines(single));
    }

    @Test
    void shouldReadAnArticleWithItsTagsAndTranslationsInTwoStatements() {
        String section = uniqueSection();
        createIllustratedArticles(section, 1);
        String id = given().get("/v1/articles?section=" + section).path("items[0].id");

        // The article with its tags, then the other language versions of the story. The bootstrap
        // admin token is checked without a statement, so only the read itself is counted.
        List<String> least = fewest(() -> given().auth().oauth2(ADMIN).get("/v1/articles/" + id).then().statusCode(200).body("tags", hasSize(2)));
        assertEquals(2, least.size(), lines(least));
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

    /** The statements sent while serving the path as an editor (never from the response cache). */
    private static List<String> statementsFor(String path, int expectedItems) {
        return fewest(() -> {
            var response = given().auth().oauth2(editorToken()).get(path).then().statusCode(200);
            if (expectedItems > 0) {
                response.body("items", hasSize(expectedItems))
                        .body("items[0].leadImage.id", notNullValue())
                        .body("items[0].body[2].quote.text", notNullValue());
            }
            return response;
        });
    }

    /**
     * The statements the worker threads sent during the request, the fewest of ten tries: the
     * scheduled publisher (every second in tests) runs on the same pool, and may run meanwhile.
     */
    private static List<String> fewest(Supplier<?> request) {
        List<String> least = null;
        for (int attempt = 0; attempt < 10; attempt++) {
            List<String> sent = StatementLog.during(request).stream()
                    .filter(StatementLog.Sent::byWorker).map(StatementLog.Sent::sql).toList();
            if (least == null || sent.size() < least.size()) {
                least = sent;
            }
        }
        return least;
    }

    private static String lines(List<String> statements) {
        return statements.stream().map(sql -> sql.length() > 160 ? sql.substring(0, 160) + "…" : sql).collect(Collectors.joining("\n"));
    }
}
