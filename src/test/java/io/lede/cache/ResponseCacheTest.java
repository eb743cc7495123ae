package io.lede.cache;

import static io.lede.TestApi.article;
import static io.lede.TestApi.await;
import static io.lede.TestApi.create;
import static io.lede.TestApi.createQuote;
import static io.lede.TestApi.edit;
import static io.lede.TestApi.editorToken;
import static io.lede.TestApi.quote;
import static io.lede.TestApi.uniqueSection;
import static io.lede.TestApi.uniqueSpeaker;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.lede.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * The response cache as readers see it: repeated anonymous reads are answered from memory with
 * the same bytes and headers, and no write is ever hidden by it.
 */
@QuarkusTest
class ResponseCacheTest {

    @Inject
    TestClock clock;

    @Test
    void shouldAnswerARepeatedAnonymousReadFromTheCacheWithTheSameRepresentation() {
        String id = create(article(uniqueSection(), "Harbour cranes return to work")).path("id");
        Response first = given().get("/v1/articles/" + id);
        first.then().statusCode(200);
        double hitsBefore = cacheHits();

        Response second = given().get("/v1/articles/" + id);
        second.then().statusCode(200)
                .contentType(ContentType.JSON)
                .header("ETag", first.header("ETag"))
                .header("Cache-Control", startsWith("public"))
                .header("Vary", containsString("Accept-Encoding"))
                .header("Link", first.header("Link"))
                .header("X-Content-Type-Options", "nosniff")
                .header("RateLimit-Policy", containsString("anonymous"));
        assertEquals(first.asString(), second.asString());
        assertEquals(hitsBefore + 1, cacheHits());
    }

    @Test
    void shouldAnswerIfNoneMatchHeadAndGzipFromTheCache() {
        String id = create(article(uniqueSection(), "Ferry timetable changes for winter")).path("id");
        Response fresh = given().get("/v1/articles/" + id);
        String etag = fresh.header("ETag");
        double hitsBefore = cacheHits();

        given().header("If-None-Match", "W/" + etag + ", \"other\"").get("/v1/articles/" + id)
                .then().statusCode(304).header("ETag", etag).header("Cache-Control", startsWith("public"))
                .body(emptyString());
        given().head("/v1/articles/" + id)
                .then().statusCode(200).header("ETag", etag)
                .header("Content-Length", String.valueOf(fresh.asByteArray().length)).body(emptyString());
        given().header("Accept-Encoding", "gzip").get("/v1/articles/" + id)
                .then().statusCode(200).header("Content-Encoding", "gzip").body("id", equalTo(id));
        assertEquals(hitsBefore + 3, cacheHits());
    }

    @Test
    void shouldServeAnEditToTheVeryNextRead() {
        String section = uniqueSection();
        Response created = create(article(section, "Council approves new bridge"));
        String id = created.path("id");
        String slug = created.path("slug");
        // Every shape of the article is read twice, so each is in the cache before the edit.
        List<String> reads = List.of("/v1/articles/" + id, "/v1/articles/" + slug, "/v1/articles?section=" + section,
                "/v1/headlines?section=" + section);
        reads.forEach(path -> {
            given().get(path).then().statusCode(200);
            given().get(path).then().statusCode(200);
        });

        edit("/v1/articles/" + id, Map.of("headline", "Council delays new bridge"));

        given().get(reads.get(0)).then().statusCode(200).body("headline", equalTo("Council delays new bridge"));
        given().get(reads.get(1)).then().statusCode(200).body("headline", equalTo("Council delays new bridge"));
        given().get(reads.get(2)).then().statusCode(200).body("items[0].headline", equalTo("Council delays new bridge"));
        given().get(reads.get(3)).then().statusCode(200).body("items[0].headline", equalTo("Council delays new bridge"));
    }

    @Test
    void shouldStopServingAnArticleTheMomentItIsUnpublished() {
        String section = uniqueSection();
        String id = create(article(section, "Museum opens a night gallery")).path("id");
        given().get("/v1/articles/" + id).then().statusCode(200);
        given().get("/v1/articles/" + id).then().statusCode(200);

        edit("/v1/articles/" + id, Map.of("status", "draft"));

        given().get("/v1/articles/" + id).then().statusCode(404);
        given().get("/v1/articles?section=" + section).then().statusCode(200).body("items", org.hamcrest.Matchers.empty());
        // Editors are never answered from the cache: they see the draft.
        given().auth().oauth2(editorToken()).get("/v1/articles/" + id).then().statusCode(200).body("status", equalTo("draft"));
    }

    @Test
    void shouldShowAScheduledArticleOnceTheSchedulerPublishesIt() {
        String section = uniqueSection();
        given().get("/v1/articles?section=" + section).then().statusCode(200).body("items", org.hamcrest.Matchers.empty());
        given().get("/v1/articles?section=" + section).then().statusCode(200).body("items", org.hamcrest.Matchers.empty());
        Map<String, Object> body = article(section, "Tide tables for the weekend");
        body.put("status", "scheduled");
        Instant at = Instant.now().minusSeconds(60);
        body.put("publishedAt", at.toString());
        // Scheduled a minute before its time (by the service's clock), which has passed by now.
        String id = clock.at(at.minusSeconds(60), () -> create(body).path("id"));

        // The scheduler runs every second in tests; the cached empty page must not outlive the publication.
        await(() -> given().get("/v1/articles?section=" + section).<List<String>> path("items.id").contains(id),
                "The published article never appeared in its section's list");
    }

    @Test
    void shouldShowAnEditedQuoteAtOnce() {
        String quoteId = createQuote(quote(uniqueSpeaker("Ana Ruiz"), "harbour master", "The channel is open again.")).path("id");
        given().get("/v1/quotes/" + quoteId).then().statusCode(200);
        given().get("/v1/quotes/" + quoteId).then().statusCode(200);
        edit("/v1/quotes/" + quoteId, Map.of("text", "The channel opens tomorrow."));
        given().get("/v1/quotes/" + quoteId).then().statusCode(200).body("text", equalTo("The channel opens tomorrow."));
    }

    @Test
    void shouldKeepLanguagesApartAndNotCacheErrors() {
        String section = uniqueSection();
        Map<String, Object> english = article(section, "Rail strike called off");
        create(english);
        Map<String, Object> french = article(section, "La grève du rail est annulée");
        french.put("language", "fr");
        create(french);
        for (int i = 0; i < 2; i++) {
            given().header("Accept-Language", "fr").get("/v1/headlines?section=" + section)
                    .then().statusCode(200).header("Content-Language", "fr")
                    .body("items.headline", hasItem("La grève du rail est annulée"));
            given().header("Accept-Language", "en").get("/v1/headlines?section=" + section)
                    .then().statusCode(200).header("Content-Language", "en")
                    .body("items.headline", not(hasItem("La grève du rail est annulée")));
        }
        double hitsBefore = cacheHits();
        given().get("/v1/articles?unknown=1").then().statusCode(400);
        given().get("/v1/articles?unknown=1").then().statusCode(400);
        assertEquals(hitsBefore, cacheHits());
    }

    @Test
    void shouldRecogniseWhichStatementsWriteContent() {
        assertEquals("article", ContentWriteInspector.writtenTable("update article set headline=? where id=?"));
        assertEquals("article_tag", ContentWriteInspector.writtenTable("insert into article_tag (article_id,position,tag) values (?,?,?)"));
        assertEquals("image", ContentWriteInspector.writtenTable("  delete from image where id=?"));
        assertEquals(null, ContentWriteInspector.writtenTable("select a.id from article a"));
        assertEquals(null, ContentWriteInspector.writtenTable("with x as (select 1) select * from x"));
        assertTrue(ContentWriteInspector.NOT_CONTENT.contains(
                ContentWriteInspector.writtenTable("insert into lede_setting (name, setting_value) values (?, ?)")));
        // Tokens are recognised from memory: a write to them is a change like any other.
        assertTrue(!ContentWriteInspector.NOT_CONTENT.contains(ContentWriteInspector.writtenTable("update api_token set revoked_at=?")));
    }

    /** The hit counter the cache publishes at /q/metrics. */
    static double cacheHits() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher hit = Pattern.compile("(?m)^lede_response_cache_total\\{[^}]*result=\"hit\"[^}]*} (\\S+)$").matcher(metrics);
        return hit.find() ? Double.parseDouble(hit.group(1)) : 0;
    }
}
