package io.lede.http;

import static io.lede.TestApi.MERGE_PATCH;
import static io.lede.TestApi.article;
import static io.lede.TestApi.create;
import static io.lede.TestApi.editorToken;
import static io.lede.TestApi.uniqueSection;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.lede.RawHttp;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * RFC 9110 section 5.3: {@code If-Match: "a"} and {@code If-Match: "b"} on two lines mean the same as
 * {@code If-Match: "a", "b"}. Sent on raw sockets, so that no client library joins the lines first.
 */
@QuarkusTest
class ConditionalHeadersTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void shouldHonourEveryIfMatchLineOnArticles() throws Exception {
        Response created = create(article(uniqueSection(), "Two header lines"));
        String path = "/v1/articles/" + created.<String> path("id");
        String etag = created.header("ETag");

        String stale = write("PATCH", path, List.of("\"zzz\"", "\"yyy\""), "{\"headline\": \"Never\"}");
        assertEquals(412, RawHttp.status(stale), stale);
        String patched = write("PATCH", path, List.of("\"zzz\"", etag), "{\"headline\": \"Changed on the second line\"}");
        assertEquals(200, RawHttp.status(patched), patched);
        given().get(path).then().statusCode(200).body("headline", org.hamcrest.Matchers.equalTo("Changed on the second line"));
    }

    @Test
    void shouldHonourEveryIfNoneMatchLineOnArticles() throws Exception {
        Response created = create(article(uniqueSection(), "Two header lines, read"));
        String path = "/v1/articles/" + created.<String> path("id");
        String etag = given().get(path).then().statusCode(200).extract().header("ETag");
        // Twice: the first may be rendered, the second answered from the response cache.
        for (int i = 0; i < 2; i++) {
            String read = read(path, List.of("\"zzz\"", etag));
            assertEquals(304, RawHttp.status(read), read);
        }
        assertEquals(200, RawHttp.status(read(path, List.of("\"zzz\"", "\"yyy\""))));
    }

    @Test
    void shouldHonourEveryLineOnEntries() throws Exception {
        Map<String, Object> blog = article(uniqueSection(), "Two header lines, live");
        blog.put("live", Map.of("status", "live"));
        String article = create(blog).path("id");
        Response entry = given().auth().oauth2(editorToken()).contentType(ContentType.JSON)
                .body(Map.of("body", List.of(Map.of("type", "paragraph", "text", "First entry."))))
                .post("/v1/articles/" + article + "/entries").then().statusCode(201).extract().response();
        String path = "/v1/articles/" + article + "/entries/" + entry.<String> path("id");

        String stale = write("PATCH", path, List.of("\"zzz\"", "\"yyy\""), "{\"body\": [{\"type\": \"paragraph\", \"text\": \"Never.\"}]}");
        assertEquals(412, RawHttp.status(stale), stale);
        String patched = write("PATCH", path, List.of("\"zzz\"", entry.header("ETag")),
                "{\"body\": [{\"type\": \"paragraph\", \"text\": \"Changed.\"}]}");
        assertEquals(200, RawHttp.status(patched), patched);

        String etag = given().get(path).then().statusCode(200).extract().header("ETag");
        String read = read(path, List.of("\"zzz\"", etag));
        assertEquals(304, RawHttp.status(read), read);
    }

    private String write(String method, String path, List<String> ifMatch, String json) throws Exception {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                + editorToken() + "\r\nContent-Type: " + MERGE_PATCH + "\r\nContent-Length: " + body.length);
        ifMatch.forEach(tag -> head.append("\r\nIf-Match: ").append(tag));
        return RawHttp.exchange(base, head.toString(), body);
    }

    private String read(String path, List<String> ifNoneMatch) throws Exception {
        StringBuilder head = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: localhost");
        ifNoneMatch.forEach(tag -> head.append("\r\nIf-None-Match: ").append(tag));
        return RawHttp.exchange(base, head.toString(), null);
    }
}
