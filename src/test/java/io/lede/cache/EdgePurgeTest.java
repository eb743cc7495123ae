package io.lede.cache;

import static io.lede.TestApi.ADMIN;
import static io.lede.TestApi.article;
import static io.lede.TestApi.patchCurrent;
import static io.lede.TestApi.quote;
import static io.lede.TestApi.uniqueSection;
import static io.lede.TestApi.uniqueSpeaker;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.lede.EdgeProfile;
import io.lede.EdgeProfile.Edge;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * With lede.purge.* on, every committed write purges the edge by its keys before the writer gets
 * its answer; an edge that cannot be reached delays no write past the timeout. (Writes use the
 * bootstrap admin token: this profile starts on a fresh database.)
 */
@QuarkusTest
@TestProfile(EdgeProfile.class)
class EdgePurgeTest {

    @Inject
    EntityManager entityManager;

    @BeforeEach
    void forget() {
        Edge.PURGES.clear();
    }

    @Test
    void shouldPurgeTheKeysOfEachWriteBeforeAnsweringIt() {
        String section = uniqueSection();
        String id = given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(article(section, "Purged at the edge"))
                .post("/v1/articles").then().statusCode(201).extract().path("id");
        Set<String> created = keysOfLastPurge();
        assertTrue(created.containsAll(Set.of("article-" + id, "section-" + section, SurrogateKeys.ALL_SECTIONS)), created.toString());

        long started = System.nanoTime();
        patchCurrent(ADMIN, "/v1/articles/" + id, Map.of("headline", "Purged at the edge, edited")).then().statusCode(200);
        long millis = (System.nanoTime() - started) / 1_000_000;
        Set<String> edited = keysOfLastPurge();
        assertTrue(edited.contains("article-" + id), edited.toString());
        // A headline edit moves the article in no list: other lists stay at the edge.
        assertFalse(edited.contains(SurrogateKeys.ALL_SECTIONS), edited.toString());
        assertFalse(edited.contains("section-" + section), edited.toString());
        assertTrue(millis < 2000, "the unreachable node held the write for " + millis + " ms");
    }

    @Test
    void shouldPurgeEverythingForAWriteOfUnknownReach() {
        // A bulk statement writes rows that no entity event describes: the edge is purged of everything.
        Edge.PURGES.clear();
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("update speaker set created_at = created_at where id is null").executeUpdate());
        assertEquals(List.of("PURGE all"), Edge.PURGES);
    }

    @Test
    void shouldPurgeADeletedQuoteByItsKeys() {
        String quoteId = given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(quote(uniqueSpeaker("Mira Holm"), "ranger", "The trail is closed.")).post("/v1/quotes")
                .then().statusCode(201).extract().path("id");
        Edge.PURGES.clear();
        given().auth().oauth2(ADMIN).delete("/v1/quotes/" + quoteId).then().statusCode(204);
        assertTrue(keysOfLastPurge().contains("quote-" + quoteId), Edge.PURGES.toString());
        assertFalse(Edge.PURGES.contains("PURGE all"), Edge.PURGES.toString());
    }

    private static Set<String> keysOfLastPurge() {
        assertFalse(Edge.PURGES.isEmpty(), "no purge reached the edge before the write was answered");
        String last = Edge.PURGES.get(Edge.PURGES.size() - 1);
        assertTrue(last.startsWith("PURGE "), last);
        return Set.of(last.substring("PURGE ".length()).split(" "));
    }
}
