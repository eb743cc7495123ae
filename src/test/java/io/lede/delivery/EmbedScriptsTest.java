package io.lede.delivery;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** How the widget is delivered: caching by version, ETags, CORS, its size, and the demo page. */
@QuarkusTest
class EmbedScriptsTest {

    /**
     * SHA-256 of the file served as /embed/v2/headlines.js. Browsers keep that URL for a year without
     * asking again, so a change to the script must ship under a new version path, not under v2.
     */
    static final String V2_SHA256 = "3ad01a3b5081cb625762e05cb94e8c81b444f965c67768aa6fd5e140975ff1f1";

    @Test
    void shouldLetPartnersPickUpFixesWithinMinutesAndRevalidateCheaply() {
        Response first = given().header("Origin", "https://partner.example").get("/embed/headlines.js");
        first.then().statusCode(200)
                .contentType(containsString("javascript"))
                .header("Access-Control-Allow-Origin", "*")
                .header("Cache-Control", equalTo("public, max-age=300, stale-while-revalidate=86400, stale-if-error=86400"));
        String etag = first.header("ETag");
        assertTrue(etag.startsWith("\""), etag);
        given().header("If-None-Match", etag).get("/embed/headlines.js").then().statusCode(304)
                .header("ETag", etag)
                .header("Cache-Control", containsString("max-age=300"));
    }

    @Test
    void shouldServeTheVersionedUrlAsImmutableWithTheSameBytes() {
        Response unversioned = given().get("/embed/headlines.js");
        Response pinned = given().header("Origin", "https://partner.example").get("/embed/v2/headlines.js");
        pinned.then().statusCode(200)
                .contentType(containsString("javascript"))
                .header("Access-Control-Allow-Origin", "*")
                .header("Cache-Control", equalTo("public, max-age=31536000, immutable"));
        assertArrayEquals(unversioned.asByteArray(), pinned.asByteArray());
        assertEquals(unversioned.header("ETag"), pinned.header("ETag"));
        given().header("If-None-Match", pinned.header("ETag")).get("/embed/v2/headlines.js").then().statusCode(304)
                .header("Cache-Control", equalTo("public, max-age=31536000, immutable"));
        given().head("/embed/v2/headlines.js").then().statusCode(200).header("ETag", pinned.header("ETag"));
    }

    @Test
    void shouldNeverChangeTheFileUnderAReleasedVersion() throws NoSuchAlgorithmException {
        byte[] served = given().get("/embed/v2/headlines.js").then().statusCode(200).extract().asByteArray();
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(served));
        assertEquals(V2_SHA256, sha256, "/embed/v2/headlines.js is cached as immutable: ship the change under a new version");
    }

    @Test
    void shouldStayUnderFifteenKilobytesGzipped() throws IOException {
        byte[] served = given().get("/embed/headlines.js").then().statusCode(200).extract().asByteArray();
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
            gzip.write(served);
        }
        assertTrue(zipped.size() < 15 * 1024, "gzipped: " + zipped.size() + " bytes");
    }

    @Test
    void shouldServeTheDemoPageWithAPolicyThatLetsTheWidgetRun() {
        given().get("/embed/demo.html").then().statusCode(200)
                .contentType(containsString("text/html"))
                .header("Cache-Control", "no-store")
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .body(containsString("data-layout=\"list\""))
                .body(containsString("data-live=\"true\""))
                .body(containsString("<script src=\"/embed/headlines.js\""));
    }

    @Test
    void shouldAnswerUnknownEmbedFilesWith404() {
        given().get("/embed/v3/headlines.js").then().statusCode(404);
        given().get("/embed/demo.htm").then().statusCode(404);
    }
}
