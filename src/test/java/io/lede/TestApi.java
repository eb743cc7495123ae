package io.lede;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Small factories for test data, all made through the public API as a client would. */
public final class TestApi {

    /** {@code %test.lede.bootstrap-admin-token} in application.properties. */
    public static final String ADMIN = "test-admin-token";
    public static final String MERGE_PATCH = "application/merge-patch+json";

    private static String editor;
    private static String reader;

    private TestApi() {
    }

    public static synchronized String editorToken() {
        if (editor == null) {
            editor = issueToken("test editor", "editor");
        }
        return editor;
    }

    public static synchronized String readerToken() {
        if (reader == null) {
            reader = issueToken("test partner", "reader");
        }
        return reader;
    }

    public static String issueToken(String name, String role) {
        return given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("name", name, "role", role))
                .post("/v1/admin/tokens")
                .then().statusCode(201)
                .extract().path("token");
    }

    /** A section no other test uses, so that list assertions see only this test's articles. */
    public static String uniqueSection() {
        return "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** A valid create body; callers change what they test. */
    public static Map<String, Object> article(String section, String headline) {
        Map<String, Object> body = new HashMap<>();
        body.put("headline", headline);
        body.put("standfirst", "A standfirst for " + headline);
        body.put("section", section);
        body.put("language", "en");
        body.put("tags", new ArrayList<>(List.of("testing")));
        body.put("status", "published");
        body.put("body", new ArrayList<>(List.of(
                Map.of("type", "paragraph", "text", "First paragraph of " + headline + "."),
                Map.of("type", "heading", "text", "A heading"),
                Map.of("type", "paragraph", "text", "See [the source](https://example.org/source) for more."))));
        return body;
    }

    public static Response create(Map<String, Object> body) {
        return given().auth().oauth2(editorToken()).contentType(ContentType.JSON).body(body)
                .post("/v1/articles")
                .then().statusCode(201)
                .extract().response();
    }

    /** A valid quote body by {@code speaker}; callers change what they test. */
    public static Map<String, Object> quote(String speaker, String role, String text) {
        Map<String, Object> body = new HashMap<>();
        body.put("text", text);
        Map<String, Object> who = new HashMap<>();
        who.put("name", speaker);
        who.put("role", role);
        body.put("speaker", who);
        body.put("language", "en");
        return body;
    }

    public static Response createQuote(Map<String, Object> body) {
        return given().auth().oauth2(editorToken()).contentType(ContentType.JSON).body(body)
                .post("/v1/quotes")
                .then().statusCode(201)
                .extract().response();
    }

    /** A speaker name no other test uses. */
    public static String uniqueSpeaker(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A Wikidata entity URI no other test uses (entities are one per URI). */
    public static String uniqueWikidataUri() {
        return "http://www.wikidata.org/entity/Q" + (100_000_000L + ThreadLocalRandom.current().nextLong(900_000_000L));
    }

    /** Creates an entity of this type and name with a fresh URI as an editor; returns its id. */
    public static String createEntity(String type, String name) {
        return given().auth().oauth2(editorToken()).contentType(ContentType.JSON)
                .body(Map.of("type", type, "name", name, "uri", uniqueWikidataUri()))
                .post("/v1/entities")
                .then().statusCode(201)
                .extract().path("id");
    }

    /** Uploads image bytes as an editor; returns the response (201 expected). */
    public static Response uploadImage(byte[] bytes, String fileName, String declaredType) {
        return given().auth().oauth2(editorToken())
                .multiPart("file", fileName, bytes, declaredType)
                .multiPart("caption", "A test picture")
                .multiPart("credit", "Lede/Test Desk")
                .post("/v1/images")
                .then().statusCode(201)
                .extract().response();
    }

    /** A small real PNG, uploaded; returns its id. */
    public static String uploadPng() {
        return uploadImage(io.lede.image.TestImages.png(40, 20), "picture.png", "image/png").path("id");
    }

    public static String createPublished(String section, String headline, String publishedAt) {
        Map<String, Object> body = article(section, headline);
        body.put("publishedAt", publishedAt);
        return create(body).path("id");
    }

    // --- Versioned writes: every write names the version it replaces with If-Match ---------------

    /** The ETag of {@code path} as {@code token} reads it (200 expected). */
    public static String etag(String token, String path) {
        return given().auth().oauth2(token).get(path).then().statusCode(200).extract().header("ETag");
    }

    /** A JSON merge patch of {@code path} by {@code token}, If-Match {@code etag}; the answer is the caller's to check. */
    public static Response patch(String token, String path, String etag, Object changes) {
        return given().auth().oauth2(token).contentType(MERGE_PATCH).header("If-Match", etag)
                .body(changes).patch(path);
    }

    /** A full replacement of {@code path} by {@code token}, If-Match {@code etag}. */
    public static Response put(String token, String path, String etag, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", etag)
                .body(body).put(path);
    }

    /** A delete of {@code path} by {@code token}, If-Match {@code etag}. */
    public static Response delete(String token, String path, String etag) {
        return given().auth().oauth2(token).header("If-Match", etag).delete(path);
    }

    /** Reads the current ETag, then merge-patches with it: an edit nobody raced. */
    public static Response patchCurrent(String token, String path, Object changes) {
        return patch(token, path, etag(token, path), changes);
    }

    /** {@link #patchCurrent(String, String, Object)} as the test editor, expecting 200. */
    public static Response edit(String path, Object changes) {
        return patchCurrent(editorToken(), path, changes).then().statusCode(200).extract().response();
    }

    /** Polls {@code path} (anonymously) until it answers {@code status}; fails after ten seconds. */
    public static void awaitStatus(String path, int status) {
        await(() -> given().get(path).statusCode() == status, path + " did not come to answer " + status);
    }

    /** Polls until {@code condition} holds; fails after ten seconds with {@code message}. */
    public static void await(BooleanSupplier condition, String message) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(message);
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
