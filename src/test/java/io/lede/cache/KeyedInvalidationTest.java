package io.lede.cache;

import static io.lede.TestApi.article;
import static io.lede.TestApi.awaitStatus;
import static io.lede.TestApi.create;
import static io.lede.TestApi.createQuote;
import static io.lede.TestApi.edit;
import static io.lede.TestApi.editorToken;
import static io.lede.TestApi.quote;
import static io.lede.TestApi.uniqueSection;
import static io.lede.TestApi.uniqueSpeaker;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.lede.TestApi;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.lede.TestClock;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A write evicts what it changed and nothing else: other articles stay cached, every list that
 * showed the old state (or should show the new one) is refreshed.
 */
@QuarkusTest
class KeyedInvalidationTest {

    @Inject
    EntityManager entityManager;

    @Inject
    TestClock clock;

    @Test
    void shouldKeepOtherArticlesCachedWhenOneIsEditedAndRefreshItsLists() {
        String section = uniqueSection();
        String other = uniqueSection();
        String edited = create(article(section, "Harbour dredging starts")).path("id");
        String neighbour = create(article(section, "Lighthouse keeper retires")).path("id");
        String elsewhere = create(article(other, "Orchestra tours the coast")).path("id");
        List<String> reads = List.of("/v1/articles/" + edited, "/v1/articles/" + neighbour, "/v1/articles/" + elsewhere,
                "/v1/articles?section=" + section, "/v1/articles?section=" + other, "/v1/headlines?section=" + section);
        reads.forEach(KeyedInvalidationTest::cache);
        double everythingBefore = CacheMetrics.changes("everything");

        edit("/v1/articles/" + edited, Map.of("headline", "Harbour dredging delayed"));

        // The neighbour in the same section and the article elsewhere are still answered from memory.
        double hits = CacheMetrics.responses("hit");
        given().get(reads.get(1)).then().statusCode(200).header("X-Cache", "hit");
        given().get(reads.get(2)).then().statusCode(200).header("X-Cache", "hit");
        given().get(reads.get(4)).then().statusCode(200).header("X-Cache", "hit");
        assertEquals(hits + 3, CacheMetrics.responses("hit"));
        // What shows the edited article is rendered again, with the edit.
        given().get(reads.get(0)).then().statusCode(200).header("X-Cache", "miss").body("headline", equalTo("Harbour dredging delayed"));
        given().get(reads.get(3)).then().statusCode(200).header("X-Cache", "miss")
                .body("items.headline", hasItem("Harbour dredging delayed"));
        given().get(reads.get(5)).then().statusCode(200).header("X-Cache", "miss")
                .body("items.headline", hasItem("Harbour dredging delayed"));
        // The edit was announced by its keys, not as a change of everything.
        assertEquals(everythingBefore, CacheMetrics.changes("everything"));
    }

    @Test
    void shouldRefreshBothSectionListsWhenAnArticleMoves() {
        String from = uniqueSection();
        String to = uniqueSection();
        String moving = create(article(from, "Ferry moves to the north quay")).path("id");
        String staying = create(article(to, "North quay gets new lights")).path("id");
        cache("/v1/articles?section=" + from);
        cache("/v1/articles?section=" + to);
        cache("/v1/headlines?section=" + to);
        cache("/v1/articles/" + staying);

        edit("/v1/articles/" + moving, Map.of("section", to));

        given().get("/v1/articles?section=" + from).then().statusCode(200).body("items.id", not(hasItem(moving)));
        given().get("/v1/articles?section=" + to).then().statusCode(200).body("items.id", hasItem(moving))
                .body("items.id", hasItem(staying));
        given().get("/v1/headlines?section=" + to).then().statusCode(200).body("items.id", hasItem(moving));
        given().get("/v1/articles/" + moving).then().statusCode(200).body("section", equalTo(to));
        given().get("/v1/articles/" + staying).then().statusCode(200).header("X-Cache", "hit");
    }

    @Test
    void shouldRefreshArticlesThatInlineAnEditedQuoteAndOnlyThose() {
        String section = uniqueSection();
        String quoteId = createQuote(quote(uniqueSpeaker("Ines Vidal"), "port director", "Cargo is back to normal.")).path("id");
        Map<String, Object> body = article(section, "Port traffic recovers");
        List<Object> blocks = new ArrayList<>((List<?>) body.get("body"));
        blocks.add(Map.of("type", "quote", "quoteId", quoteId));
        body.put("body", blocks);
        String id = create(body).path("id");
        String inlined = "/v1/articles/" + id + "?include=quotes";
        cache(inlined);
        cache("/v1/articles/" + id);
        cache("/v1/articles/" + id + "/quotes");

        edit("/v1/quotes/" + quoteId, Map.of("text", "Cargo is almost back to normal."));

        given().get(inlined).then().statusCode(200).header("X-Cache", "miss")
                .body("body.find { it.type == 'quote' }.quote.text", equalTo("Cargo is almost back to normal."));
        given().get("/v1/articles/" + id + "/quotes").then().statusCode(200)
                .body("items[0].text", equalTo("Cargo is almost back to normal."));
        // Without include=quotes the article shows only the quote's id: it stays cached.
        given().get("/v1/articles/" + id).then().statusCode(200).header("X-Cache", "hit");
    }

    @Test
    void shouldShowANewlyPublishedTranslationOnTheOriginal() {
        String section = uniqueSection();
        String original = create(article(section, "Dunes are growing again")).path("id");
        cache("/v1/articles/" + original);
        Map<String, Object> german = article(section, "Die Dünen wachsen wieder");
        german.put("language", "de");
        german.put("translationOf", original);
        String translation = create(german).path("id");

        given().get("/v1/articles/" + original).then().statusCode(200).body("translations.id", hasItem(translation));
    }

    @Test
    void shouldRefreshTheSectionsListWhenASectionGetsItsFirstArticle() {
        String section = uniqueSection();
        cache("/v1/sections");
        create(article(section, "A section is born"));
        given().get("/v1/sections").then().statusCode(200).body("items.name", hasItem(section));
    }

    @Test
    void shouldAnnounceEveryEntityWriteByItsKeys() {
        double everythingBefore = CacheMetrics.changes("everything");
        double keyedBefore = CacheMetrics.changes("keys");
        String section = uniqueSection();
        String id = create(article(section, "Keys for every write")).path("id");
        edit("/v1/articles/" + id, Map.of("headline", "Keys for every write, edited", "tags", List.of("a", "b")));
        edit("/v1/articles/" + id, Map.of("status", "archived"));
        // Once published, only an admin may delete it.
        given().auth().oauth2(TestApi.ADMIN).delete("/v1/articles/" + id).then().statusCode(204);
        String quoteId = createQuote(quote(uniqueSpeaker("Lena Falk"), "skipper", "The wind turned.")).path("id");
        edit("/v1/quotes/" + quoteId, Map.of("speaker", Map.of("name", uniqueSpeaker("Lena Falk"))));
        String imageId = io.lede.TestApi.uploadPng();
        edit("/v1/images/" + imageId, Map.of("caption", "Recaptioned"));
        Map<String, Object> scheduled = article(section, "Published by the scheduler");
        scheduled.put("status", "scheduled");
        Instant due = Instant.now().minusSeconds(60);
        scheduled.put("publishedAt", due.toString());
        String later = clock.at(due.minusSeconds(60), () -> create(scheduled).path("id"));
        awaitStatus("/v1/articles/" + later, 200);

        assertEquals(everythingBefore, CacheMetrics.changes("everything"), "no write fell back to dropping everything");
        assertTrue(CacheMetrics.changes("keys") >= keyedBefore + 9);
    }

    @Test
    void shouldLeaveListsItIsNotOnCachedWhenAPublishedArticleIsEdited() {
        String id = create(article(uniqueSection(), "Counted in its section")).path("id");
        cache("/v1/sections");
        cache("/v1/articles?tag=never-used-" + id);

        edit("/v1/articles/" + id, Map.of("headline", "Counted in its section, still"));

        // Neither the sections' counts nor a tag's list changed: the rewritten tags were the same.
        given().get("/v1/sections").then().statusCode(200).header("X-Cache", "hit");
        given().get("/v1/articles?tag=never-used-" + id).then().statusCode(200).header("X-Cache", "hit");
    }

    @Test
    void shouldDropEverythingForAWriteWhoseKeysAreUnknown() {
        // A bulk statement writes rows that no entity event describes: the change counts as everything.
        String unrelated = create(article(uniqueSection(), "Unrelated and cached")).path("id");
        cache("/v1/articles/" + unrelated);
        double everythingBefore = CacheMetrics.changes("everything");

        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("update speaker set created_at = created_at where id is null").executeUpdate());

        assertEquals(everythingBefore + 1, CacheMetrics.changes("everything"));
        given().get("/v1/articles/" + unrelated).then().statusCode(200).header("X-Cache", "miss");
    }

    @Test
    void shouldDeleteAQuoteByItsKeysAlone() {
        // Drafts that quote it lose the reference in the database (on delete cascade), which no
        // cached response shows: the deletion evicts by the quote's keys, not everything.
        String unrelated = create(article(uniqueSection(), "Unrelated, still cached")).path("id");
        cache("/v1/articles/" + unrelated);
        String quoteId = createQuote(quote(uniqueSpeaker("Otto Brand"), "mayor", "We will rebuild the pier.")).path("id");
        Map<String, Object> draft = article(uniqueSection(), "A draft that quotes the mayor");
        draft.put("status", "draft");
        draft.put("body", List.of(Map.of("type", "quote", "quoteId", quoteId)));
        create(draft);
        double everythingBefore = CacheMetrics.changes("everything");

        given().auth().oauth2(editorToken()).delete("/v1/quotes/" + quoteId).then().statusCode(204);

        assertEquals(everythingBefore, CacheMetrics.changes("everything"));
        given().get("/v1/articles/" + unrelated).then().statusCode(200).header("X-Cache", "hit");
        given().auth().oauth2(editorToken()).get("/v1/quotes/" + quoteId).then().statusCode(404);
    }

    /** Read twice: the second answer comes from the cache. */
    static void cache(String path) {
        given().get(path).then().statusCode(200);
        given().get(path).then().statusCode(200).header("X-Cache", "hit");
    }
}
