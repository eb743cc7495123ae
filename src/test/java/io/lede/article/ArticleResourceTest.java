package io.lede.article;

import static io.lede.TestApi.ADMIN;
import static io.lede.TestApi.MERGE_PATCH;
import static io.lede.TestApi.article;
import static io.lede.TestApi.create;
import static io.lede.TestApi.delete;
import static io.lede.TestApi.editorToken;
import static io.lede.TestApi.patch;
import static io.lede.TestApi.put;
import static io.lede.TestApi.readerToken;
import static io.lede.TestApi.uniqueSection;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
class ArticleResourceTest {

    @Test
    void shouldCreateAndReadAnArticleByIdAndBySlug() {
        String section = uniqueSection();
        Map<String, Object> body = article(section, "Storm closes the ferry port");
        body.put("byline", "Ada Berg");
        body.put("location", "Marren");
        body.put("source", "Emergency Service/AFP");
        String image = io.lede.TestApi.uploadPng();
        body.put("leadImage", image);
        Response created = create(body);

        String id = created.path("id");
        assertEquals("/v1/articles/" + id, java.net.URI.create(created.header("Location")).getPath());
        assertNotEquals(null, created.header("ETag"));
        created.then()
                .body("slug", equalTo("storm-closes-the-ferry-port"))
                .body("url", equalTo("https://news.example.com/" + section + "/storm-closes-the-ferry-port"))
                .body("bodyText", equalTo("First paragraph of Storm closes the ferry port.\n\nA heading\n\nSee the source for more."))
                .body("body[2].text", equalTo("See [the source](https://example.org/source) for more."))
                .body("status", equalTo("published"))
                .body("version", equalTo(0))
                .body("source", equalTo("Emergency Service/AFP"))
                .body("leadImage", equalTo(image))
                .body("translations", empty())
                .body("publishedAt", notNullValue());

        given().get("/v1/articles/" + id)
                .then().statusCode(200)
                .contentType(ContentType.JSON)
                .header("Cache-Control", "public, max-age=60, stale-while-revalidate=600")
                .header("ETag", equalTo(created.header("ETag")))
                .body("headline", equalTo("Storm closes the ferry port"))
                .body("byline", equalTo("Ada Berg"))
                .body("location", equalTo("Marren"));
        given().get("/v1/articles/storm-closes-the-ferry-port")
                .then().statusCode(200)
                .body("id", equalTo(id));
    }

    @Test
    void shouldKeepSlugsFromTakingTheShapeOfAnId() {
        String other = create(article(uniqueSection(), "Another story")).path("id");
        Map<String, Object> body = article(uniqueSection(), "A story");
        body.put("slug", other);
        given().auth().oauth2(editorToken()).contentType("application/json").body(body).post("/v1/articles")
                .then().statusCode(400).body("errors[0].field", equalTo("slug"));

        // A headline that is an id makes a slug that is not one, and the article is found by it.
        String headline = UUID.randomUUID().toString();
        var created = create(article(uniqueSection(), headline));
        String slug = created.path("slug");
        assertEquals("article-" + headline, slug);
        given().get("/v1/articles/" + slug).then().statusCode(200).body("id", equalTo(created.path("id")));

        // "1-2-3-4-5" is a slug, even though java.util.UUID would read it as an id.
        Map<String, Object> numbered = article(uniqueSection(), "Short slug");
        numbered.put("slug", "1-2-3-4-" + System.nanoTime());
        String id = create(numbered).path("id");
        given().get("/v1/articles/" + numbered.get("slug")).then().statusCode(200).body("id", equalTo(id));
    }

    @Test
    void shouldAnswerNotModifiedWhenTheETagMatches() {
        String id = create(article(uniqueSection(), "Conditional reads")).path("id");
        String etag = given().get("/v1/articles/" + id).then().statusCode(200).extract().header("ETag");

        given().header("If-None-Match", etag).get("/v1/articles/" + id)
                .then().statusCode(304)
                .header("ETag", etag)
                .body(equalTo(""));
        given().header("If-None-Match", "\"something-else\"").get("/v1/articles/" + id)
                .then().statusCode(200);
    }

    @Test
    void shouldReturnOnlyTheSelectedFields() {
        String id = create(article(uniqueSection(), "Sparse fieldsets")).path("id");

        Map<String, Object> article = given().queryParam("fields", "id,headline,publishedAt")
                .get("/v1/articles/" + id)
                .then().statusCode(200).extract().jsonPath().getMap("$");
        assertEquals(java.util.Set.of("id", "headline", "publishedAt"), article.keySet());
    }

    @Test
    void shouldRejectUnknownFieldsAndIncludes() {
        String id = create(article(uniqueSection(), "Unknown fields")).path("id");

        given().queryParam("fields", "id,nonsense").get("/v1/articles/" + id)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("fields"))
                .body("errors[0].message", containsString("nonsense"));
        given().queryParam("include", "images,videos").get("/v1/articles/" + id)
                .then().statusCode(400)
                .body("errors[0].field", equalTo("include"));
        given().queryParam("include", "images,quotes").get("/v1/articles/" + id)
                .then().statusCode(200);
    }

    @Test
    void shouldAnswer404ForUnknownIdsAndSlugs() {
        given().get("/v1/articles/" + UUID.randomUUID())
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("title", equalTo("Not Found"));
        given().get("/v1/articles/no-such-slug").then().statusCode(404);
    }

    @Test
    void shouldHideDraftsFromEveryoneButEditors() {
        Map<String, Object> body = article(uniqueSection(), "Still a draft");
        body.put("status", "draft");
        String id = create(body).path("id");

        given().get("/v1/articles/" + id).then().statusCode(404);
        given().auth().oauth2(readerToken()).get("/v1/articles/" + id).then().statusCode(404);
        given().auth().oauth2(editorToken()).get("/v1/articles/" + id)
                .then().statusCode(200)
                .header("Cache-Control", "private, no-store")
                .body("status", equalTo("draft"))
                .body("publishedAt", nullValue());
    }

    @Test
    void shouldMarkAuthenticatedReadsPrivate() {
        String id = create(article(uniqueSection(), "Private when authenticated")).path("id");

        given().auth().oauth2(readerToken()).get("/v1/articles/" + id)
                .then().statusCode(200)
                .header("Cache-Control", "private, no-store");
    }

    @Test
    void shouldMakeUniqueSlugsFromHeadlinesAndRefuseDuplicateExplicitOnes() {
        String section = uniqueSection();
        String first = create(article(section, "Same headline " + section)).path("slug");
        String second = create(article(section, "Same headline " + section)).path("slug");
        assertEquals("same-headline-" + section, first);
        assertEquals("same-headline-" + section + "-2", second);

        Map<String, Object> duplicate = article(section, "Another headline");
        duplicate.put("slug", first);
        given().auth().oauth2(editorToken()).contentType(ContentType.JSON).body(duplicate)
                .post("/v1/articles")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString(first));
    }

    @Test
    void shouldFallBackToAnIdSlugForHeadlinesWithoutLatinLetters() {
        Map<String, Object> body = article(uniqueSection(), "Шторм закрыл порт");
        body.put("language", "ru");
        String slug = create(body).path("slug");
        org.junit.jupiter.api.Assertions.assertTrue(slug.matches("article-[0-9a-f]{8}"), slug);
    }

    @Test
    void shouldValidateEveryBlockByItsType() {
        Map<String, Object> body = article(uniqueSection(), "Bad blocks");
        body.put("body", List.of(
                Map.of("type", "paragraph", "text", ""),
                Map.of("type", "image"),
                Map.of("type", "quote"),
                Map.of("type", "embed", "url", "javascript:alert(1)")));

        given().auth().oauth2(editorToken()).contentType(ContentType.JSON).body(body)
                .post("/v1/articles")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:lede:problem:validation"))
                .body("errors.field", contains("body[0].text", "body[1].imageId", "body[2].quoteId", "body[3].url"));
    }

    @Test
    void shouldRejectUnknownBlockTypes() {
        Map<String, Object> body = article(uniqueSection(), "Unknown block");
        body.put("body", List.of(Map.of("type", "video", "url", "https://example.org")));

        given().auth().oauth2(editorToken()).contentType(ContentType.JSON).body(body)
                .post("/v1/articles")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("body[0]"))
                .body("errors[0].message", containsString("paragraph"));
    }

    @Test
    void shouldNameEveryInvalidField() {
        Map<String, Object> body = article("World News", "");
        body.put("language", "not a language");
        body.put("tags", List.of(""));
        body.remove("body");

        given().auth().oauth2(editorToken()).contentType(ContentType.JSON).body(body)
                .post("/v1/articles")
                .then().statusCode(400)
                .body("errors.field", contains("body", "headline", "language", "section", "tags[0]"));
    }

    @Test
    void shouldRejectWrongTypesWithTheFieldName() {
        Map<String, Object> body = article(uniqueSection(), "Wrong types");
        body.put("publishedAt", "yesterday");
        given().auth().oauth2(editorToken()).contentType(ContentType.JSON).body(body)
                .post("/v1/articles")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("publishedAt"));

        body.put("publishedAt", null);
        body.put("status", "live");
        given().auth().oauth2(editorToken()).contentType(ContentType.JSON).body(body)
                .post("/v1/articles")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("status"));
    }

    @Test
    void shouldRefuseMalformedJson() {
        given().auth().oauth2(editorToken()).contentType(ContentType.JSON).body("{\"headline\": ")
                .post("/v1/articles")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:lede:problem:malformed-body"))
                .body("$", not(hasKey("errors")));
    }

    @Test
    void shouldRequireAnEditorToWrite() {
        Map<String, Object> body = article(uniqueSection(), "Not allowed");
        given().contentType(ContentType.JSON).body(body).post("/v1/articles")
                .then().statusCode(401)
                .header("WWW-Authenticate", containsString("Bearer"))
                .contentType("application/problem+json");
        given().auth().oauth2(readerToken()).contentType(ContentType.JSON).body(body).post("/v1/articles")
                .then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2("lede_not-a-real-token").contentType(ContentType.JSON).body(body).post("/v1/articles")
                .then().statusCode(401);
        given().header("X-Api-Key", editorToken()).contentType(ContentType.JSON).body(body).post("/v1/articles")
                .then().statusCode(201);
    }

    @Test
    void shouldReplaceWithIfMatch() {
        Response created = create(article(uniqueSection(), "Before the replace"));
        String id = created.path("id");
        Map<String, Object> replacement = article(created.path("section"), "After the replace");
        replacement.put("tags", List.of("one", "two"));

        Response replaced = put(editorToken(), "/v1/articles/" + id, created.header("ETag"), replacement)
                .then().statusCode(200)
                .body("headline", equalTo("After the replace"))
                .body("slug", equalTo(created.path("slug").toString()))
                .body("tags", contains("one", "two"))
                .body("version", equalTo(1))
                .body("publishedAt", equalTo(created.path("publishedAt").toString()))
                .extract().response();

        given().get("/v1/articles/" + id).then().statusCode(200)
                .header("ETag", replaced.header("ETag"))
                .body("headline", equalTo("After the replace"));
    }

    @Test
    void shouldRequireIfMatchAndRefuseStaleOnes() {
        Response created = create(article(uniqueSection(), "Locked"));
        String id = created.path("id");
        Map<String, Object> replacement = article(created.path("section"), "Changed");

        given().auth().oauth2(editorToken()).contentType(ContentType.JSON).body(replacement)
                .put("/v1/articles/" + id)
                .then().statusCode(428)
                .body("type", equalTo("urn:lede:problem:if-match-required"));
        given().auth().oauth2(editorToken()).contentType(MERGE_PATCH).body(Map.of("headline", "x"))
                .patch("/v1/articles/" + id)
                .then().statusCode(428);

        // Someone else edits first: the first ETag is now stale.
        patch(editorToken(), "/v1/articles/" + id, created.header("ETag"), Map.of("headline", "First edit"))
                .then().statusCode(200);
        put(editorToken(), "/v1/articles/" + id, created.header("ETag"), replacement)
                .then().statusCode(412)
                .body("type", equalTo("urn:lede:problem:stale-etag"));

        given().get("/v1/articles/" + id).then().body("headline", equalTo("First edit")).body("version", equalTo(1));
    }

    @Test
    void shouldMergePatchAndValidateTheResult() {
        Response created = create(article(uniqueSection(), "Patch me"));
        String id = created.path("id");

        Response patched = patch(editorToken(), "/v1/articles/" + id, created.header("ETag"),
                "{\"standfirst\": null, \"tags\": [\"patched\"], \"location\": \"Tessaly\"}")
                .then().statusCode(200)
                .body("headline", equalTo("Patch me"))
                .body("$", not(hasKey("standfirst")))
                .body("tags", contains("patched"))
                .body("location", equalTo("Tessaly"))
                .extract().response();

        patch(editorToken(), "/v1/articles/" + id, patched.header("ETag"),
                "{\"headline\": null, \"section\": \"Not A Slug\"}")
                .then().statusCode(400)
                .body("errors.field", contains("headline", "section"));
        patch(editorToken(), "/v1/articles/" + id, patched.header("ETag"), "[1, 2]")
                .then().statusCode(400);

        given().get("/v1/articles/" + id).then().statusCode(200)
                .header("ETag", patched.header("ETag"))
                .body("location", equalTo("Tessaly"));
    }

    @Test
    void shouldAcceptOnlyMergePatchForPatch() {
        Response created = create(article(uniqueSection(), "Patch media type"));
        given().auth().oauth2(editorToken()).contentType(ContentType.JSON).header("If-Match", created.header("ETag"))
                .body(Map.of("headline", "x"))
                .patch("/v1/articles/" + created.path("id"))
                .then().statusCode(415)
                .contentType("application/problem+json");
    }

    @Test
    void shouldAnswer404ForWritesToUnknownIds() {
        put(editorToken(), "/v1/articles/" + UUID.randomUUID(), "\"x\"", article(uniqueSection(), "Nobody"))
                .then().statusCode(404);
        patch(editorToken(), "/v1/articles/not-a-uuid", "\"x\"", Map.of("headline", "x"))
                .then().statusCode(404);
        given().auth().oauth2(ADMIN).delete("/v1/articles/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void shouldDeleteLeavingNothingReadable() {
        Map<String, Object> body = article(uniqueSection(), "Draft to delete");
        body.put("status", "draft");
        String id = create(body).path("id");

        given().auth().oauth2(readerToken()).delete("/v1/articles/" + id).then().statusCode(403);
        given().auth().oauth2(editorToken()).delete("/v1/articles/" + id)
                .then().statusCode(204)
                .body(equalTo(""));
        given().auth().oauth2(editorToken()).get("/v1/articles/" + id).then().statusCode(404);
        given().auth().oauth2(editorToken()).delete("/v1/articles/" + id).then().statusCode(404);
    }

    @Test
    void shouldLetOnlyAdminsDeletePublishedArticles() {
        Response created = create(article(uniqueSection(), "Published, then deleted"));
        String id = created.path("id");

        given().auth().oauth2(editorToken()).delete("/v1/articles/" + id)
                .then().statusCode(403)
                .body("detail", containsString("admin"));
        delete(ADMIN, "/v1/articles/" + id, "\"stale\"")
                .then().statusCode(412);
        delete(ADMIN, "/v1/articles/" + id, created.header("ETag"))
                .then().statusCode(204);
        given().get("/v1/articles/" + id).then().statusCode(404);
    }

    @Test
    void shouldLeaveATombstoneWhenDeleting() {
        String id = create(article(uniqueSection(), "Tombstoned")).path("id");
        given().auth().oauth2(ADMIN).delete("/v1/articles/" + id).then().statusCode(204);

        ArticleTombstone tombstone = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> ArticleTombstone.findById(UUID.fromString(id)));
        assertNotEquals(null, tombstone);
        org.junit.jupiter.api.Assertions.assertTrue(
                tombstone.deletedAt.isAfter(Instant.now().minus(1, ChronoUnit.MINUTES)));
    }

    @Test
    void shouldLinkTranslationsBothWays() {
        String section = uniqueSection();
        String english = create(article(section, "Harbour reopens")).path("id");
        Map<String, Object> german = article(section, "Hafen wieder offen");
        german.put("language", "de");
        german.put("translationOf", english);
        String germanId = create(german).path("id");

        given().get("/v1/articles/" + english).then()
                .body("translations.language", contains("de"))
                .body("translations[0].id", equalTo(germanId))
                .body("translations[0].slug", equalTo("hafen-wieder-offen"));
        given().get("/v1/articles/" + germanId).then()
                .body("translations.language", contains("en"));

        Map<String, Object> secondGerman = article(section, "Noch ein Hafen");
        secondGerman.put("language", "de");
        secondGerman.put("translationOf", english);
        given().auth().oauth2(editorToken()).contentType(ContentType.JSON).body(secondGerman).post("/v1/articles")
                .then().statusCode(409);
        secondGerman.put("translationOf", UUID.randomUUID().toString());
        given().auth().oauth2(editorToken()).contentType(ContentType.JSON).body(secondGerman).post("/v1/articles")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("translationOf"));
    }

    @Test
    void shouldCanonicaliseLanguageTags() {
        Map<String, Object> body = article(uniqueSection(), "Language tags");
        body.put("language", "zh-hans");
        create(body).then().body("language", equalTo("zh-Hans"));
    }

    @Test
    void shouldApplyPublicationRules() {
        String section = uniqueSection();
        Map<String, Object> future = article(section, "Published in the future");
        future.put("publishedAt", Instant.now().plus(1, ChronoUnit.DAYS).toString());
        given().auth().oauth2(editorToken()).contentType(ContentType.JSON).body(future).post("/v1/articles")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("publishedAt"));

        Map<String, Object> scheduled = article(section, "Scheduled without a time");
        scheduled.put("status", "scheduled");
        given().auth().oauth2(editorToken()).contentType(ContentType.JSON).body(scheduled).post("/v1/articles")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("publishedAt"));

        Map<String, Object> backdated = article(section, "Backdated");
        backdated.put("publishedAt", "2026-01-05T10:00:00Z");
        create(backdated).then().body("publishedAt", equalTo("2026-01-05T10:00:00Z"));
    }

    @Test
    void shouldIgnoreServerOwnedFieldsInRequests() {
        Map<String, Object> body = article(uniqueSection(), "Server-owned fields");
        body.put("id", "11111111-1111-1111-1111-111111111111");
        body.put("version", 42);
        body.put("createdAt", "2001-01-01T00:00:00Z");
        Response created = create(body);
        assertNotEquals("11111111-1111-1111-1111-111111111111", created.path("id"));
        created.then().body("version", equalTo(0)).body("createdAt", not(equalTo("2001-01-01T00:00:00Z")));
    }

    @Test
    void shouldListTheNewArticleAfterCreation() {
        String section = uniqueSection();
        String id = create(article(section, "Visible at once")).path("id");
        given().queryParam("section", section).get("/v1/articles")
                .then().statusCode(200)
                .body("items.id", hasItem(id))
                .body("items[0].url", endsWith("/" + section + "/visible-at-once"));
    }
}
