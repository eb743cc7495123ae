package io.lede.live;

import static io.lede.TestApi.editorToken;
import static io.lede.TestApi.readerToken;
import static io.lede.live.LiveTestData.entry;
import static io.lede.live.LiveTestData.liveBlog;
import static io.lede.live.LiveTestData.post;
import static io.lede.live.LiveTestData.postEntry;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.lede.TestApi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Live blogs over HTTP: the live field, and entries with every status they can answer. */
@QuarkusTest
class EntryResourceTest {

    private static final String MERGE_PATCH = "application/merge-patch+json";

    @Test
    void shouldFillTheLiveTimesWhenTheStatusChanges() {
        Map<String, Object> body = TestApi.article(TestApi.uniqueSection(), "Count night, live");
        body.put("live", Map.of("status", "live"));
        Response created = TestApi.create(body);
        created.then().body("live.status", equalTo("live")).body("live.startedAt", notNullValue()).body("live.endedAt", nullValue());
        String id = created.path("id");
        String started = created.path("live.startedAt");

        Response ended = patch("/v1/articles/" + id, created.header("ETag"), Map.of("live", Map.of("status", "ended")));
        ended.then().statusCode(200).body("live.status", equalTo("ended")).body("live.startedAt", equalTo(started))
                .body("live.endedAt", notNullValue());
        // Ordinary articles say so with null.
        given().get("/v1/articles/" + TestApi.create(TestApi.article(TestApi.uniqueSection(), "Plain story")).path("id"))
                .then().statusCode(200).body("$", hasKey("live")).body("live", nullValue());
        // An end before the start, or a status that does not exist: 400 naming the field.
        body.put("live", Map.of("status", "ended", "startedAt", "2026-11-24T10:00:00Z", "endedAt", "2026-11-24T09:00:00Z"));
        given().auth().oauth2(editorToken()).contentType(ContentType.JSON).body(body).post("/v1/articles")
                .then().statusCode(400).body("errors[0].field", equalTo("live.endedAt"));
        body.put("live", Map.of("status", "paused"));
        given().auth().oauth2(editorToken()).contentType(ContentType.JSON).body(body).post("/v1/articles")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void shouldCreateAndReadAnEntryWithItsETag() {
        String blog = liveBlog("published");
        Map<String, Object> body = entry("The first ferry has left the harbour.");
        body.put("title", "  First ferry  ");
        body.put("keyEvent", true);
        Response created = post(blog, body).then().statusCode(201).contentType(ContentType.JSON).extract().response();
        String id = created.path("id");
        assertEquals("/v1/articles/" + blog + "/entries/" + id, URI.create(created.header("Location")).getPath());
        created.then().body("title", equalTo("First ferry")).body("keyEvent", equalTo(true)).body("pinned", equalTo(false))
                .body("version", equalTo(0)).body("publishedAt", notNullValue()).body("body[0].type", equalTo("paragraph"));

        Response read = given().get("/v1/articles/" + blog + "/entries/" + id);
        read.then().statusCode(200).header("ETag", equalTo(created.header("ETag")))
                .header("Cache-Control", "public, max-age=60, stale-while-revalidate=600")
                .header("Surrogate-Key", equalTo("article-" + blog + " entries-" + blog));
        given().header("If-None-Match", read.header("ETag")).get("/v1/articles/" + blog + "/entries/" + id).then().statusCode(304);
        given().queryParam("fields", "id,title").get("/v1/articles/" + blog + "/entries/" + id)
                .then().statusCode(200).body("title", equalTo("First ferry")).body("$", not(hasKey("body")));
        // By slug too, as articles are.
        String slug = given().get("/v1/articles/" + blog).path("slug");
        given().get("/v1/articles/" + slug + "/entries/" + id).then().statusCode(200).body("id", equalTo(id));
    }

    @Test
    void shouldRefuseEntriesThatCannotBeAdded() {
        String blog = liveBlog("published");
        String plain = TestApi.create(TestApi.article(TestApi.uniqueSection(), "Not live")).path("id");
        post(plain, entry("x")).then().statusCode(409).contentType("application/problem+json");
        post(UUID.randomUUID().toString(), entry("x")).then().statusCode(404);
        post(given().get("/v1/articles/" + blog).path("slug"), entry("x")).then().statusCode(404);
        given().contentType(ContentType.JSON).body(entry("x")).post("/v1/articles/" + blog + "/entries").then().statusCode(401);
        given().auth().oauth2(readerToken()).contentType(ContentType.JSON).body(entry("x"))
                .post("/v1/articles/" + blog + "/entries").then().statusCode(403);
        post(blog, Map.of("body", List.of())).then().statusCode(400).body("errors[0].field", equalTo("body"));
        post(blog, Map.of("body", List.of(Map.of("type", "quote", "quoteId", UUID.randomUUID().toString()))))
                .then().statusCode(400).body("errors[0].field", equalTo("body[0].quoteId"));
        Map<String, Object> future = entry("From tomorrow.");
        future.put("publishedAt", Instant.now().plus(1, ChronoUnit.DAYS).toString());
        post(blog, future).then().statusCode(400).body("errors[0].field", equalTo("publishedAt"));
        Map<String, Object> controls = entry("x");
        controls.put("title", "bad\u0000title");
        post(blog, controls).then().statusCode(400);
        given().auth().oauth2(editorToken()).contentType(ContentType.JSON).body("{\"body\": [")
                .post("/v1/articles/" + blog + "/entries").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void shouldListEntriesNewestFirstInPages() {
        String blog = liveBlog("published");
        Instant start = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        String[] ids = new String[5];
        for (int i = 0; i < 5; i++) {
            Map<String, Object> body = entry("Update " + i);
            body.put("publishedAt", start.plus(i, ChronoUnit.MINUTES).toString());
            body.put("keyEvent", i % 2 == 0);
            body.put("pinned", i == 0);
            ids[i] = post(blog, body).then().statusCode(201).extract().path("id");
        }
        Response first = given().queryParam("limit", 2).get("/v1/articles/" + blog + "/entries");
        first.then().statusCode(200).body("items.id", contains(ids[4], ids[3]))
                .header("Link", org.hamcrest.Matchers.containsString("rel=\"next\""));
        String next = first.path("next");
        Response second = given().get(next);
        second.then().statusCode(200).body("items.id", contains(ids[2], ids[1]));
        given().get((String) second.path("next")).then().statusCode(200).body("items.id", contains(ids[0]))
                .body("items[0].pinned", equalTo(true)).body("next", nullValue());

        given().queryParam("keyEvents", true).queryParam("count", true).get("/v1/articles/" + blog + "/entries")
                .then().statusCode(200).body("items.id", contains(ids[4], ids[2], ids[0])).body("total", equalTo(3));
        given().queryParam("since", ids[2]).get("/v1/articles/" + blog + "/entries")
                .then().statusCode(200).body("items.id", contains(ids[4], ids[3]));
        given().queryParam("since", UUID.randomUUID().toString()).get("/v1/articles/" + blog + "/entries")
                .then().statusCode(400).body("errors[0].field", equalTo("since"));
        given().queryParam("keyEvents", "maybe").get("/v1/articles/" + blog + "/entries").then().statusCode(400);
        given().queryParam("cursor", "garbage").get("/v1/articles/" + blog + "/entries").then().statusCode(400);
        given().queryParam("limit", "").get("/v1/articles/" + blog + "/entries").then().statusCode(400);
        // An empty list is a list.
        given().get("/v1/articles/" + liveBlog("published") + "/entries").then().statusCode(200).body("items", org.hamcrest.Matchers.empty());
    }

    @Test
    void shouldInlineQuotesAndImagesOnRequest() {
        String blog = liveBlog("published");
        String quote = TestApi.createQuote(TestApi.quote(TestApi.uniqueSpeaker("Ilse Marren"), "harbour master",
                "Nobody sails before the divers are done.")).path("id");
        String image = TestApi.uploadPng();
        Map<String, Object> body = Map.of("body", List.of(Map.of("type", "quote", "quoteId", quote),
                Map.of("type", "image", "imageId", image)));
        String id = post(blog, body).then().statusCode(201).extract().path("id");
        given().get("/v1/articles/" + blog + "/entries/" + id)
                .then().statusCode(200).body("body[0].quoteId", equalTo(quote)).body("body[0]", not(hasKey("quote")));
        given().queryParam("include", "quotes,images").get("/v1/articles/" + blog + "/entries/" + id)
                .then().statusCode(200).body("body[0].quote.text", equalTo("Nobody sails before the divers are done."))
                .body("body[1].image.id", equalTo(image))
                .header("Surrogate-Key", endsWith("quote-" + quote + " image-" + image));
        given().queryParam("include", "videos").get("/v1/articles/" + blog + "/entries").then().statusCode(400);
    }

    @Test
    void shouldKeepImagesAndQuotesThatAPublishedBlogsEntriesShow() {
        String blog = liveBlog("published");
        String slug = given().get("/v1/articles/" + blog).path("slug");
        String quote = TestApi.createQuote(TestApi.quote(TestApi.uniqueSpeaker("Tomas Reyl"), "lock keeper",
                "The gates stay shut tonight.")).path("id");
        String image = TestApi.uploadPng();
        Map<String, Object> body = Map.of("body", List.of(Map.of("type", "quote", "quoteId", quote),
                Map.of("type", "image", "imageId", image)));
        String entry = post(blog, body).then().statusCode(201).extract().path("id");
        for (String path : List.of("/v1/images/" + image, "/v1/quotes/" + quote)) {
            TestApi.delete(TestApi.ADMIN, path, TestApi.etag(TestApi.ADMIN, path))
                    .then().statusCode(409).contentType("application/problem+json").body("detail", containsString(slug));
        }
        // Once no published entry shows them, they can go.
        String entryPath = "/v1/articles/" + blog + "/entries/" + entry;
        patch(entryPath, given().get(entryPath).header("ETag"), Map.of("body", List.of(Map.of("type", "paragraph", "text", "Gates open."))))
                .then().statusCode(200);
        for (String path : List.of("/v1/images/" + image, "/v1/quotes/" + quote)) {
            TestApi.delete(TestApi.ADMIN, path, TestApi.etag(TestApi.ADMIN, path)).then().statusCode(204);
        }
    }

    @Test
    void shouldPatchAndDeleteWithIfMatch() {
        String blog = liveBlog("published");
        Response created = postEntry(blog, "Berth two reopens.");
        String path = "/v1/articles/" + blog + "/entries/" + created.path("id");

        given().auth().oauth2(editorToken()).contentType(MERGE_PATCH).body(Map.of("pinned", true)).patch(path)
                .then().statusCode(428);
        patch(path, "\"stale\"", Map.of("pinned", true)).then().statusCode(412);
        Response patched = patch(path, created.header("ETag"), Map.of("pinned", true));
        patched.then().statusCode(200).body("pinned", equalTo(true)).body("version", equalTo(1))
                .body("publishedAt", equalTo(created.path("publishedAt")));
        assertNotEquals(created.header("ETag"), patched.header("ETag"));
        patch(path, patched.header("ETag"), Map.of("body", List.of())).then().statusCode(400);
        patch(path, patched.header("ETag"), Map.of("title", List.of(1))).then().statusCode(400);
        patch("/v1/articles/" + blog + "/entries/" + UUID.randomUUID(), patched.header("ETag"), Map.of("pinned", false))
                .then().statusCode(404);
        // Another blog's id does not reach it.
        patch("/v1/articles/" + liveBlog("published") + "/entries/" + created.path("id"), patched.header("ETag"),
                Map.of("pinned", false)).then().statusCode(404);

        given().auth().oauth2(editorToken()).header("If-Match", created.header("ETag")).delete(path).then().statusCode(412);
        given().auth().oauth2(readerToken()).delete(path).then().statusCode(403);
        given().auth().oauth2(editorToken()).header("If-Match", patched.header("ETag")).delete(path).then().statusCode(204);
        given().auth().oauth2(editorToken()).delete(path).then().statusCode(404);
        given().get(path).then().statusCode(404);
    }

    @Test
    void shouldKeepADraftsEntriesFromThePublic() {
        String draft = liveBlog("draft");
        String id = postEntry(draft, "Embargoed.").path("id");
        given().get("/v1/articles/" + draft + "/entries").then().statusCode(404).contentType("application/problem+json");
        given().get("/v1/articles/" + draft + "/entries/" + id).then().statusCode(404);
        given().auth().oauth2(readerToken()).get("/v1/articles/" + draft + "/entries").then().statusCode(404);
        given().auth().oauth2(editorToken()).get("/v1/articles/" + draft + "/entries")
                .then().statusCode(200).header("Cache-Control", "private, no-store").body("items.id", contains(id));
    }

    @Test
    void shouldEvictOnlyTheBlogsEntriesWhenAnEntryIsWritten() {
        String blog = liveBlog("published");
        postEntry(blog, "Before.");
        String entries = "/v1/articles/" + blog + "/entries";
        given().get(entries).then().statusCode(200);
        given().get("/v1/articles/" + blog).then().statusCode(200);
        given().get(entries).then().statusCode(200).header("X-Cache", "hit");
        given().get("/v1/articles/" + blog).then().statusCode(200).header("X-Cache", "hit");

        String after = postEntry(blog, "After.").path("id");
        given().get(entries).then().statusCode(200).header("X-Cache", "miss").body("items[0].id", equalTo(after));
        // The article itself did not change, and is still answered from memory.
        given().get("/v1/articles/" + blog).then().statusCode(200).header("X-Cache", "hit");
    }

    private static Response patch(String path, String ifMatch, Object body) {
        return given().auth().oauth2(editorToken()).contentType(MERGE_PATCH).header("If-Match", ifMatch).body(body).patch(path);
    }
}
