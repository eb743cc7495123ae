package io.lede.http;

import static io.lede.TestApi.article;
import static io.lede.TestApi.create;
import static io.lede.TestApi.uniqueSection;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** What operators and CDNs read off responses: request ids, surrogate keys, metrics by endpoint. */
@QuarkusTest
class ObservabilityTest {

    @Test
    void shouldEchoASaneRequestIdAndMakeOneOtherwise() {
        given().header("X-Request-Id", "edge-4f2a.77").get("/v1/articles")
                .then().statusCode(200).header("X-Request-Id", "edge-4f2a.77");
        given().header("X-Request-Id", "not sane <script>").get("/v1/articles")
                .then().statusCode(200).header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
        given().get("/v1/no-such-thing").then().statusCode(404).header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
    }

    @Test
    void shouldNameArticlesAndSectionsInSurrogateKeys() {
        String section = uniqueSection();
        String id = create(article(section, "Keys for the edge")).path("id");
        // An item names itself and its translation group (a new article starts its own group);
        // a list names the section whose membership it shows, then its items.
        given().get("/v1/articles/" + id).then().statusCode(200)
                .header("Surrogate-Key", equalTo("article-" + id + " translations-" + id));
        given().get("/v1/articles?section=" + section).then().statusCode(200)
                .header("Surrogate-Key", equalTo("articles section-" + section + " article-" + id + " translations-" + id));
        given().get("/v1/articles").then().statusCode(200)
                .header("Surrogate-Key", startsWith("articles all-sections "));
        given().get("/v1/headlines?section=" + section).then().statusCode(200)
                .header("Surrogate-Key", equalTo("headlines section-" + section + " article-" + id));
        // From the response cache too.
        given().get("/v1/articles/" + id).then().statusCode(200)
                .header("Surrogate-Key", equalTo("article-" + id + " translations-" + id));
    }

    @Test
    void shouldCountRequestsByEndpointTemplateEvenWhenTheCacheAnswers() {
        String id = create(article(uniqueSection(), "Counted by template")).path("id");
        for (int i = 0; i < 3; i++) {
            given().get("/v1/articles/" + id).then().statusCode(200);
        }
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("uri=\"/v1/articles/{id}\""), "requests are counted under the template");
        assertFalse(metrics.contains(id), "no raw article id becomes a metric tag: " + metrics.lines().filter(line -> line.contains(id)).toList());
    }
}
