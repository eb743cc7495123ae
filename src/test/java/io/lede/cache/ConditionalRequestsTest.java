package io.lede.cache;

import static io.lede.TestApi.article;
import static io.lede.TestApi.create;
import static io.lede.TestApi.editorToken;
import static io.lede.TestApi.uniqueSection;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * RFC 9110 conditionals get the same answer whether the REST layer renders the response or the
 * response cache answers it.
 */
@QuarkusTest
class ConditionalRequestsTest {

    @Test
    void shouldAnswerConditionalReadsAlikeCachedAndUncached() {
        Map<String, Function<String, String[]>> cases = new LinkedHashMap<>();
        cases.put("If-Match wrong tag", etag -> new String[] { "If-Match", "\"nope\"" });
        cases.put("If-Match not a tag", etag -> new String[] { "If-Match", "nope" });
        cases.put("If-Match current", etag -> new String[] { "If-Match", etag });
        cases.put("If-Match weak current", etag -> new String[] { "If-Match", "W/" + etag });
        cases.put("If-Match star", etag -> new String[] { "If-Match", "*" });
        cases.put("If-Match list", etag -> new String[] { "If-Match", "\"a\", " + etag });
        cases.put("If-None-Match current", etag -> new String[] { "If-None-Match", etag });
        cases.put("If-None-Match weak current", etag -> new String[] { "If-None-Match", "W/" + etag });
        cases.put("If-None-Match star", etag -> new String[] { "If-None-Match", "*" });
        cases.put("If-None-Match other", etag -> new String[] { "If-None-Match", "\"other\"" });
        cases.put("If-None-Match list", etag -> new String[] { "If-None-Match", "\"a\",W/\"b\" , " + etag });
        cases.put("both, If-Match failing", etag -> new String[] { "If-Match", "\"a\"", "If-None-Match", etag });
        cases.put("both, If-None-Match matching", etag -> new String[] { "If-Match", etag, "If-None-Match", etag });
        Map<String, Integer> expected = Map.ofEntries(
                Map.entry("If-Match wrong tag", 412), Map.entry("If-Match not a tag", 412), Map.entry("If-Match current", 200),
                Map.entry("If-Match weak current", 412), Map.entry("If-Match star", 200), Map.entry("If-Match list", 200),
                Map.entry("If-None-Match current", 304), Map.entry("If-None-Match weak current", 304),
                Map.entry("If-None-Match star", 304), Map.entry("If-None-Match other", 200), Map.entry("If-None-Match list", 304),
                Map.entry("both, If-Match failing", 412), Map.entry("both, If-None-Match matching", 304));

        cases.forEach((name, headers) -> {
            // A fresh article each time: the first conditional read is rendered, the last is a hit.
            String path = "/v1/articles/" + create(article(uniqueSection(), "Conditionals: " + name)).path("id");
            String etag = given().auth().oauth2(editorToken()).get(path).header("ETag");
            Response uncached = conditional(path, headers.apply(etag));
            given().get(path).then().statusCode(200);
            given().get(path).then().statusCode(200).header("X-Cache", "hit");
            Response cached = conditional(path, headers.apply(etag));

            assertEquals("hit", cached.header("X-Cache"), name);
            assertEquals(expected.get(name), uncached.statusCode(), name + " (rendered)");
            assertEquals(expected.get(name), cached.statusCode(), name + " (cached)");
            if (uncached.statusCode() == 412) {
                assertEquals(uncached.contentType(), cached.contentType(), name);
                assertEquals(uncached.jsonPath().getString("type"), cached.jsonPath().getString("type"), name);
            }
            if (uncached.statusCode() != 412) {
                assertEquals(etag, uncached.header("ETag"), name);
                assertEquals(etag, cached.header("ETag"), name);
            }
        });
    }

    @Test
    void shouldAnswerHeadLikeGet() {
        String path = "/v1/articles/" + create(article(uniqueSection(), "Conditional HEAD")).path("id");
        String etag = given().get(path).header("ETag");
        given().head(path).then().statusCode(200);
        given().header("If-None-Match", "W/" + etag).head(path).then().statusCode(304);
        given().header("If-Match", "\"stale\"").head(path).then().statusCode(412);
    }

    private static Response conditional(String path, String[] headers) {
        var request = given();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return request.get(path);
    }
}
