package io.lede.text;

import static io.lede.TestApi.article;
import static io.lede.TestApi.editorToken;
import static io.lede.TestApi.uniqueSection;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Times are taken from the first instant of year 0001 to the last nanosecond of year 9999, exactly:
 * in query parameters and in bodies alike, and stored without leaving those years.
 */
@QuarkusTest
class TimeRangeTest {

    @ParameterizedTest
    @ValueSource(strings = { "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "9999-12-31T23:59:59.9999Z",
            "9999-12-31", "0001-01-01", "9999-12-31T23:59:59.999999999+00:00" })
    void shouldTakeTheExtremesInQueryParameters(String time) {
        for (String name : new String[] { "from", "to" }) {
            given().queryParam(name, time).get("/v1/articles").then().statusCode(200);
            given().queryParam(name, time).get("/v1/quotes").then().statusCode(200);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "0000-12-31T23:59:59.999999999Z", "0000-01-01T00:00:00Z", "+10000-01-01T00:00:00Z",
            "10000-01-01T00:00:00Z", "9999-12-31T22:00:00-02:00", "0001-01-01T00:00:00+00:01" })
    void shouldRefuseTimesOutsideTheYearsInQueryParameters(String time) {
        for (String name : new String[] { "from", "to" }) {
            given().queryParam(name, time).get("/v1/articles").then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo(name));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z" })
    void shouldStoreTheExtremesOfBodyTimesWithinTheirYear(String time) {
        Map<String, Object> body = article(uniqueSection(), "At the edge of time");
        body.put("status", time.startsWith("9999") ? "scheduled" : "published");
        body.put("publishedAt", time);
        String stored = time.startsWith("9999") ? "9999-12-31T23:59:59.999Z" : time;
        String id = given().auth().oauth2(editorToken()).contentType(ContentType.JSON).body(body).post("/v1/articles")
                .then().statusCode(201).body("publishedAt", equalTo(stored)).extract().path("id");
        given().auth().oauth2(editorToken()).get("/v1/articles/" + id).then().statusCode(200)
                .body("publishedAt", equalTo(stored));
    }

    @ParameterizedTest
    @ValueSource(strings = { "0000-12-31T23:59:59.999999999Z", "+10000-01-01T00:00:00Z" })
    void shouldRefuseBodyTimesOutsideTheYears(String time) {
        Map<String, Object> body = article(uniqueSection(), "Beyond the edge of time");
        body.put("status", "scheduled");
        body.put("publishedAt", time);
        given().auth().oauth2(editorToken()).contentType(ContentType.JSON).body(body).post("/v1/articles")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("publishedAt")).body("errors[0].message", equalTo(Times.RANGE));
    }
}
