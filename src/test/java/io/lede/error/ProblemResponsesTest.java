package io.lede.error;

import static io.lede.TestApi.editorToken;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Every failure a client can cause is an RFC 9457 problem with the right status, never a 500. */
@QuarkusTest
class ProblemResponsesTest {

    private static final Set<String> PROBLEM_KEYS = Set.of("type", "title", "status", "detail", "errors");

    @Test
    void shouldAnswerUnknownPathsWithAProblem() {
        expectProblem(given().get("/v2/nothing"), 404);
        expectProblem(given().get("/v1/articles/a/b/c"), 404);
        expectProblem(given().get("/favicon.ico"), 404);
    }

    @Test
    void shouldAnswerWrongMethodsWith405() {
        expectProblem(given().put("/v1/articles"), 405);
        expectProblem(given().auth().oauth2(editorToken()).post("/v1/articles/some-slug"), 405);
    }

    @Test
    void shouldAnswerUnacceptableMediaTypesWith406() {
        expectProblem(given().accept("application/xml").get("/v1/articles"), 406);
    }

    @Test
    void shouldAnswerWrongContentTypesWith415() {
        expectProblem(given().auth().oauth2(editorToken()).contentType("application/xml").body("<article/>")
                .post("/v1/articles"), 415);
    }

    @Test
    void shouldAnswerMalformedJsonWith400() {
        Response response = given().auth().oauth2(editorToken()).contentType(ContentType.JSON).body("{not json")
                .post("/v1/articles");
        expectProblem(response, 400);
        response.then().body("type", equalTo("urn:lede:problem:malformed-body"));
    }

    @Test
    void shouldAnswerOversizeBodiesWith413BeforeReadingThem() {
        String big = "{\"headline\": \"" + "x".repeat(1_100_000) + "\"}";
        Response response = given().auth().oauth2(editorToken()).contentType(ContentType.JSON).body(big)
                .post("/v1/articles");
        expectProblem(response, 413);
        response.then().body("detail", containsString("1048576"));
    }

    @Test
    void shouldNotTreatAnUnauthenticatedWriteAsAnythingButA401() {
        Response response = given().contentType(ContentType.JSON).body(Map.of("headline", "x")).post("/v1/articles");
        expectProblem(response, 401);
    }

    /** Status, media type, only the problem members, and nothing that looks like a stack trace. */
    static void expectProblem(Response response, int status) {
        response.then()
                .statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("title", not(equalTo(null)))
                .body("type", anyOf(equalTo("about:blank"), containsString("urn:lede:problem:")))
                .body(not(containsString("Exception")))
                .body(not(containsString("\tat ")));
        Map<String, Object> body = response.jsonPath().getMap("$");
        if (!PROBLEM_KEYS.containsAll(body.keySet())) {
            throw new AssertionError("unexpected members in " + body.keySet());
        }
    }
}
