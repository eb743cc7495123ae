package io.lede.http;

import static io.lede.TestApi.article;
import static io.lede.TestApi.create;
import static io.lede.TestApi.editorToken;
import static io.lede.TestApi.patch;
import static io.lede.TestApi.quote;
import static io.lede.TestApi.uniqueSection;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.lede.RawHttp;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** What the HTTP layer answers to requests that never reach an endpoint, or reach it malformed. */
@QuarkusTest
class HttpAnswersTest {

    @TestHTTPResource("/")
    URI base;

    @ParameterizedTest
    @ValueSource(strings = { "a b", "x:99999", "[::1", "a:b:c", "a/b" })
    void shouldAnswerABadHostWithAProblemAndNoStack(String host) throws Exception {
        String response = RawHttp.exchange(base, "GET /v1/articles HTTP/1.1\r\nHost: " + host, null);
        assertEquals(400, RawHttp.status(response));
        assertEquals("application/problem+json", RawHttp.header(response, "Content-Type"));
        assertFalse(RawHttp.body(response).contains("stack"), response);
        assertEquals("nosniff", RawHttp.header(response, "X-Content-Type-Options"));
    }

    @Test
    void shouldGiveOverlongUrisAndHeadersAProblemBodyAndSecurityHeaders() {
        given().get("/v1/articles?q=" + "x".repeat(10_000)).then().statusCode(414)
                .contentType("application/problem+json").header("X-Content-Type-Options", "nosniff");
        given().header("X-Padding", "x".repeat(20_000)).get("/v1/articles").then().statusCode(431)
                .contentType("application/problem+json").header("Content-Security-Policy", notNullValue());
    }

    @Test
    void shouldSendSecurityHeadersOnRefusalsToo() throws Exception {
        String tooLarge = RawHttp.exchange(base, "POST /v1/articles HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                + editorToken() + "\r\nContent-Type: application/json\r\nContent-Length: 99999999", new byte[0]);
        assertEquals(413, RawHttp.status(tooLarge));
        assertEquals("nosniff", RawHttp.header(tooLarge, "X-Content-Type-Options"));
        String trace = RawHttp.exchange(base, "TRACE /v1/articles HTTP/1.1\r\nHost: localhost", null);
        assertEquals(405, RawHttp.status(trace));
        assertEquals("nosniff", RawHttp.header(trace, "X-Content-Type-Options"));
        assertEquals("no-referrer", RawHttp.header(trace, "Referrer-Policy"));
        given().auth().oauth2(editorToken()).put("/v1/articles").then().statusCode(405)
                .header("X-Content-Type-Options", "nosniff");
    }

    @Test
    void shouldListOnlyTheMethodsEachPathAnswers() {
        given().options("/v1/articles").then().statusCode(204).header("Allow", "GET, HEAD, POST, OPTIONS");
        given().options("/v1/articles/some-id").then().statusCode(204).header("Allow", "GET, HEAD, PUT, PATCH, DELETE, OPTIONS");
        given().options("/v1/articles/some-id/quotes").then().statusCode(204).header("Allow", "GET, HEAD, OPTIONS");
        given().options("/v1/feeds/latest.rss").then().statusCode(204).header("Allow", "GET, HEAD, OPTIONS");
        given().options("/q/health").then().statusCode(204).header("Allow", "GET, HEAD, OPTIONS");
        // A 405 from the REST layer names the same methods.
        given().auth().oauth2(editorToken()).delete("/v1/articles").then().statusCode(405)
                .contentType("application/problem+json").header("Allow", "GET, HEAD, POST, OPTIONS");
        given().auth().oauth2(editorToken()).post("/v1/headlines").then().statusCode(405).header("Allow", "GET, HEAD, OPTIONS");
    }

    @ParameterizedTest
    @ValueSource(strings = { "/q/health", "/q/health/ready", "/q/openapi", "/q/metrics" })
    void shouldOnlyReadOperationalEndpoints(String path) {
        for (String method : new String[] { "POST", "PUT", "DELETE", "PATCH" }) {
            given().request(method, path).then().statusCode(405).contentType("application/problem+json")
                    .header("Allow", "GET, HEAD, OPTIONS");
        }
        given().get(path).then().statusCode(200);
    }

    @Test
    void shouldRefuseWhatTheAcceptHeaderRulesOut() {
        given().accept("application/json;q=0").get("/v1/articles").then().statusCode(406)
                .contentType("application/problem+json");
        given().accept("text/html").get("/v1/headlines").then().statusCode(406);
        given().accept("application/json;q=0, */*;q=0.1").get("/v1/articles").then().statusCode(406);
        given().accept("application/*;q=0.5").get("/v1/articles").then().statusCode(200);
        given().accept("text/html, */*;q=0.1").get("/v1/articles").then().statusCode(200);
    }

    @Test
    void shouldReserveTheSectionNamedLatest() {
        given().auth().oauth2(editorToken()).contentType(ContentType.JSON).body(article("latest", "Reserved"))
                .post("/v1/articles").then().statusCode(400).body("errors[0].field", equalTo("section"));
    }

    @Test
    void shouldNotLetAMergePatchRemoveTheStatus() {
        Response created = create(article(uniqueSection(), "Stays published"));
        String id = created.path("id");
        patch(editorToken(), "/v1/articles/" + id, created.header("ETag"), "{\"status\": null}")
                .then().statusCode(400).body("errors[0].field", equalTo("status"));
        given().get("/v1/articles/" + id).then().statusCode(200).body("status", equalTo("published"));
    }

    @Test
    void shouldRefuseSpeakerNamesWithoutALetterOrDigit() {
        for (String name : new String[] { "\u0301\u0302", " \u0308 ", "\u200d" }) {
            given().auth().oauth2(editorToken()).contentType(ContentType.JSON).body(quote(name, null, "Said."))
                    .post("/v1/quotes").then().statusCode(400).body("errors[0].field", equalTo("speaker.name"));
        }
    }

    @Test
    void shouldTagTheEmbedScriptAndAnswer304() {
        String etag = given().get("/embed/headlines.js").then().statusCode(200)
                .header("ETag", containsString("\"")).extract().header("ETag");
        given().header("If-None-Match", etag).get("/embed/headlines.js").then().statusCode(304);
        given().header("If-None-Match", "\"other\"").get("/embed/headlines.js").then().statusCode(200);
    }

    @Test
    void shouldCountRequestsNoEndpointTookUnderOneMetricTag() throws Exception {
        for (int i = 0; i < 10; i++) {
            assertEquals(400, RawHttp.status(RawHttp.exchange(base, "GET /v1/articles/%zz" + i + " HTTP/1.1\r\nHost: localhost", null)));
        }
        for (int i = 0; i < 120; i++) {
            given().urlEncodingEnabled(false).get("/v1/articles/%C0%AF" + i).then().statusCode(400);
            given().urlEncodingEnabled(false).get("/v1/junk-" + i + "?q=%00").then().statusCode(400);
            given().options("/v1/articles/any-" + i).then().statusCode(204);
        }
        given().get("/v1/articles").then().statusCode(200);
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher junk = Pattern.compile("http_server_requests_seconds_count\\{[^}]*uri=\"[^\"]*(zz|junk|any-|%C0)").matcher(metrics);
        assertFalse(junk.find(), "no raw junk path becomes a tag");
        assertTrue(metrics.contains("uri=\"/v1/articles\""), "real endpoints are still measured");
        assertTrue(metrics.contains("UNMATCHED"), "refused requests share one tag");
    }
}
