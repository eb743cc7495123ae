package io.lede.live;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.lede.TestApi;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Small factories for live blogs and entries, made through the API. */
final class LiveTestData {

    private LiveTestData() {
    }

    /** A live blog in a section of its own, published unless {@code status} says otherwise; returns its id. */
    static String liveBlog(String status) {
        Map<String, Object> body = TestApi.article(TestApi.uniqueSection(), "Storm over the coast, live");
        body.put("status", status);
        body.put("live", Map.of("status", "live"));
        return TestApi.create(body).path("id");
    }

    static Map<String, Object> entry(String text) {
        Map<String, Object> body = new HashMap<>();
        body.put("body", List.of(Map.of("type", "paragraph", "text", text)));
        return body;
    }

    static Response post(String blog, Map<String, Object> entry) {
        return given().auth().oauth2(TestApi.editorToken()).contentType(ContentType.JSON).body(entry)
                .post("/v1/articles/" + blog + "/entries");
    }

    /** Posts an entry (201 expected); returns it. */
    static Response postEntry(String blog, String text) {
        return post(blog, entry(text)).then().statusCode(201).extract().response();
    }
}
