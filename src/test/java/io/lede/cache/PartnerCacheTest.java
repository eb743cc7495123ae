package io.lede.cache;

import static io.lede.TestApi.ADMIN;
import static io.lede.TestApi.article;
import static io.lede.TestApi.create;
import static io.lede.TestApi.editorToken;
import static io.lede.TestApi.uniqueSection;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Partners (reader tokens) are answered from the same cached representations as anonymous
 * readers, after their own rate limit, as private copies; their tokens are known from memory and
 * a revoked one stops working at once.
 */
@QuarkusTest
class PartnerCacheTest {

    @Test
    void shouldAnswerAPartnerFromWhatAnonymousReadersCached() {
        String path = "/v1/articles/" + create(article(uniqueSection(), "Tram line opens on time")).path("id");
        String partner = partnerToken("cached partner");
        Response anonymous = given().get(path);
        given().get(path).then().statusCode(200).header("X-Cache", "hit");

        Response read = given().header("X-Api-Key", partner).get(path);
        read.then().statusCode(200).header("X-Cache", "hit")
                .header("Cache-Control", "private, no-store")
                .header("ETag", anonymous.header("ETag"))
                .header("RateLimit-Policy", containsString("reader"))
                .header("Surrogate-Key", anonymous.header("Surrogate-Key"));
        assertEquals(anonymous.asString(), read.asString());
        // Bearer is the same token.
        given().auth().oauth2(partner).get(path).then().statusCode(200).header("X-Cache", "hit");
    }

    @Test
    void shouldKeepAPartnersRenderForAnonymousReaders() {
        String path = "/v1/headlines?section=" + uniqueSection();
        String partner = partnerToken("first reader");
        Response rendered = given().auth().oauth2(partner).get(path);
        rendered.then().statusCode(200).header("X-Cache", "miss").header("Cache-Control", "private, no-store");

        given().get(path).then().statusCode(200).header("X-Cache", "hit")
                .header("Cache-Control", startsWith("public"))
                .header("ETag", rendered.header("ETag"))
                .header("X-Lede-Shareable", nullValue());
    }

    @Test
    void shouldNeverAnswerEditorsFromTheCache() {
        String path = "/v1/articles/" + create(article(uniqueSection(), "Editors read the source")).path("id");
        given().get(path);
        given().get(path).then().header("X-Cache", "hit");
        given().auth().oauth2(editorToken()).get(path).then().statusCode(200)
                .header("X-Cache", nullValue()).header("Cache-Control", "private, no-store");
    }

    @Test
    void shouldStopARevokedPartnerTokenAtOnceEvenOnCachedContent() {
        String path = "/v1/articles/" + create(article(uniqueSection(), "Partner keys rotate")).path("id");
        Response issued = given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("name", "revoked partner", "role", "reader")).post("/v1/admin/tokens")
                .then().statusCode(201).extract().response();
        String partner = issued.path("token");
        // Known from memory by now, and the content cached.
        given().header("X-Api-Key", partner).get(path).then().statusCode(200);
        given().header("X-Api-Key", partner).get(path).then().statusCode(200).header("X-Cache", "hit");

        given().auth().oauth2(ADMIN).delete("/v1/admin/tokens/" + issued.path("id")).then().statusCode(204);

        given().header("X-Api-Key", partner).get(path).then().statusCode(401)
                .contentType("application/problem+json").body("status", equalTo(401));
        given().get(path).then().statusCode(200).header("X-Cache", "hit");
    }

    static String partnerToken(String name) {
        return given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("name", name, "role", "reader"))
                .post("/v1/admin/tokens").then().statusCode(201).extract().path("token");
    }
}
