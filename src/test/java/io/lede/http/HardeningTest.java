package io.lede.http;

import static io.lede.TestApi.article;
import static io.lede.TestApi.editorToken;
import static io.lede.TestApi.uniqueSection;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** What keeps hostile input and hostile pages out. */
@QuarkusTest
class HardeningTest {

    @Test
    void shouldSendSecurityHeadersOnEveryResponse() {
        for (String path : List.of("/v1/articles", "/v1/nothing-here", "/embed/headlines.js", "/q/health/live")) {
            given().get(path).then()
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Referrer-Policy", "no-referrer")
                    .header("Content-Security-Policy", containsString("default-src 'none'"));
        }
        given().get("/q/swagger-ui/").then().statusCode(200)
                .header("Content-Security-Policy", containsString("default-src 'self'"));
    }

    @Test
    void shouldRefuseUnknownQueryParametersListingTheAcceptedOnes() {
        given().queryParam("sectoin", "world").get("/v1/articles")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("sectoin"))
                .body("errors[0].message", containsString("section"))
                .body("errors[0].message", containsString("cursor"));
        given().queryParam("page", 2).get("/v1/quotes").then().statusCode(400).body("errors[0].field", equalTo("page"));
        given().queryParam("w", 10).get("/v1/headlines").then().statusCode(400);
        given().queryParam("limit", 5).get("/v1/headlines").then().statusCode(200);
    }

    @Test
    void shouldRefuseTooManyNamesInFieldsAndInclude() {
        String many = String.join(",", java.util.Collections.nCopies(31, "id"));
        given().queryParam("fields", many).get("/v1/articles").then().statusCode(400).body("errors[0].field", equalTo("fields"));
        given().queryParam("include", many).get("/v1/articles").then().statusCode(400).body("errors[0].field", equalTo("include"));
    }

    @Test
    void shouldRefuseDeeplyNestedJson() {
        String deep = "[".repeat(100) + "]".repeat(100);
        given().auth().oauth2(editorToken()).contentType(ContentType.JSON)
                .body("{\"headline\": \"x\", \"tags\": " + deep + "}").post("/v1/articles")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void shouldRefuseOverlongUrlsAndHeaders() {
        given().get("/v1/articles?q=" + "x".repeat(10_000)).then().statusCode(414).contentType("application/problem+json");
        given().header("X-Padding", "x".repeat(30_000)).get("/v1/articles").then().statusCode(431);
        // Past Vert.x's own ceiling the refusal is Vert.x's (empty body), but it is still a refusal.
        given().get("/v1/articles?q=" + "x".repeat(40_000)).then().statusCode(414);
    }

    @Test
    void shouldAnswerTraceWith405() {
        for (String path : List.of("/v1/articles", "/v1/headlines", "/anything")) {
            given().request("TRACE", path).then()
                    .statusCode(405)
                    .contentType("application/problem+json")
                    .header("Allow", containsString("GET"));
        }
    }

    @Test
    void shouldRefuseLinksThatAreNotWebOrMail() {
        for (String link : List.of("javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,<b>x</b>", "vbscript:x")) {
            Map<String, Object> story = article(uniqueSection(), "Hostile link");
            story.put("body", List.of(Map.of("type", "paragraph", "text", "Click [here](" + link + ") now.")));
            given().auth().oauth2(editorToken()).contentType(ContentType.JSON).body(story).post("/v1/articles")
                    .then().statusCode(400)
                    .body("errors[0].field", equalTo("body[0].text"))
                    .body("errors[0].message", containsString("http"));
        }
        Map<String, Object> fine = article(uniqueSection(), "Fine links");
        fine.put("body", List.of(Map.of("type", "paragraph",
                "text", "Read [this](https://example.org/a) or [write](mailto:desk@example.org).")));
        given().auth().oauth2(editorToken()).contentType(ContentType.JSON).body(fine).post("/v1/articles")
                .then().statusCode(201);
    }
}
