package io.lede.webhook;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.standardwebhooks.exceptions.WebhookVerificationException;

import io.lede.TestApi;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Deliveries to a real receiver on loopback, each verified with the Standard Webhooks library as a
 * partner would: signed, retried with one webhook-id, sent only once readers see the change.
 */
@QuarkusTest
class WebhookDeliveryTest {

    private static WebhookReceiver receiver;
    private Webhooks.Endpoint endpoint;

    @BeforeAll
    static void startReceiver() throws Exception {
        receiver = new WebhookReceiver();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    @AfterEach
    void removeEndpoint() {
        if (endpoint != null) {
            Webhooks.delete(endpoint);
        }
        receiver.onReceipt(body -> null);
    }

    @Test
    void shouldSignEachDeliveryAndSendItOnlyOnceReadersSeeTheNewVersion() throws Exception {
        endpoint = Webhooks.register(receiver.url(), "article.published,article.updated");
        // The receiver reads the article back on receipt, anonymously, through the response cache.
        receiver.onReceipt(body -> given().get(body.path("data").path("url").asText()).then().extract().<Integer> path("version"));
        String id = TestApi.create(TestApi.article(TestApi.uniqueSection(), "Ferry strike ends")).path("id");
        given().get("/v1/articles/" + id).then().statusCode(200); // now cached
        TestApi.patchCurrent(TestApi.editorToken(), "/v1/articles/" + id, Map.of("headline", "Ferry strike ends at dawn"))
                .then().statusCode(200);

        TestApi.await(() -> receiver.about(id).size() == 2, "two deliveries about the article");
        List<WebhookReceiver.Received> got = receiver.about(id);
        assertEquals(List.of("article.published", "article.updated"), got.stream().map(r -> r.json().path("type").asText()).toList());
        for (WebhookReceiver.Received delivery : got) {
            delivery.verify(endpoint.secret());
            assertEquals("application/json", delivery.header("content-type"));
            assertTrue(delivery.header("webhook-id").startsWith("msg_"));
            long version = delivery.json().path("data").path("version").asLong();
            assertEquals((int) version, delivery.onReceipt(), "the read-back on receipt sees the version the message names");
            assertEquals("/v1/articles/" + id, delivery.json().path("data").path("url").asText());
            assertTrue(delivery.json().path("data").path("surrogateKeys").toString().contains("article-" + id));
            assertNotNull(Instant.parse(delivery.json().path("timestamp").asText()));
        }
        assertFalse(got.get(0).header("webhook-id").equals(got.get(1).header("webhook-id")), "two messages, two ids");
    }

    @Test
    void shouldRetryWithTheSameIdUntilTheReceiverAnswersAndLogEveryAttempt() throws Exception {
        endpoint = Webhooks.register(receiver.url(), "article.published");
        receiver.answer(500, 503);
        String id = TestApi.create(TestApi.article(TestApi.uniqueSection(), "Bridge reopens")).path("id");

        TestApi.await(() -> receiver.about(id).size() == 3, "three attempts");
        List<WebhookReceiver.Received> attempts = receiver.about(id);
        Set<String> ids = attempts.stream().map(r -> r.header("webhook-id")).collect(Collectors.toSet());
        assertEquals(1, ids.size(), "one webhook-id on every attempt");
        for (WebhookReceiver.Received attempt : attempts) {
            attempt.verify(endpoint.secret());
            assertEquals(attempts.get(0).body(), attempt.body(), "the same body every time");
        }
        TestApi.await(() -> Webhooks.deliveries(endpoint).size() == 3, "three attempts logged");
        List<Map<String, Object>> log = Webhooks.deliveries(endpoint);
        assertEquals(List.of(204, 503, 500), log.stream().map(d -> d.get("status")).toList(), "newest first");
        assertEquals(List.of(3, 2, 1), log.stream().map(d -> d.get("attempt")).toList());
        assertEquals(ids, log.stream().map(d -> (String) d.get("messageId")).collect(Collectors.toSet()));
        assertEquals("article.published", log.get(0).get("event"));
        assertEquals("the receiver answered 500", log.get(2).get("error"));
        assertEquals(null, log.get(0).get("error"));
        Thread.sleep(800);
        assertEquals(3, receiver.about(id).size(), "nothing after the success");
    }

    @Test
    void shouldRejectATamperedBody() throws Exception {
        endpoint = Webhooks.register(receiver.url(), "article.published");
        String id = TestApi.create(TestApi.article(TestApi.uniqueSection(), "Harbour fees rise")).path("id");
        TestApi.await(() -> receiver.about(id).size() == 1, "a delivery");
        WebhookReceiver.Received delivery = receiver.about(id).get(0);
        delivery.verify(endpoint.secret());
        String tampered = delivery.body().replace("\"version\":", "\"version\":1");
        assertThrows(WebhookVerificationException.class, () -> delivery.verify(endpoint.secret(), tampered));
        assertFalse(delivery.verifies("whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[24]), delivery.body()),
                "another secret does not verify it either");
    }

    @Test
    void shouldGiveUpWhenTheScheduleIsSpent() throws Exception {
        endpoint = Webhooks.register(receiver.url(), "article.published");
        receiver.answer(500, 500, 500, 500);
        String id = TestApi.create(TestApi.article(TestApi.uniqueSection(), "Lighthouse for sale")).path("id");
        // A first attempt and one retry per step of the schedule (three in tests).
        TestApi.await(() -> Webhooks.deliveries(endpoint).size() == 4, "four attempts logged");
        Thread.sleep(1000);
        assertEquals(4, receiver.about(id).size(), "given up after the schedule");
        given().auth().oauth2(TestApi.ADMIN).get("/v1/admin/webhooks/" + endpoint.id()).then().statusCode(200)
                .body("failureCount", org.hamcrest.Matchers.equalTo(4))
                .body("failingSince", org.hamcrest.Matchers.notNullValue())
                .body("disabled", org.hamcrest.Matchers.equalTo(false));

        String deliveryId = (String) Webhooks.deliveries(endpoint).get(0).get("id");
        given().auth().oauth2(TestApi.ADMIN).post("/v1/admin/webhooks/" + endpoint.id() + "/deliveries/" + deliveryId + "/retry")
                .then().statusCode(202).body("state", org.hamcrest.Matchers.equalTo("pending"));
        TestApi.await(() -> receiver.about(id).size() == 5, "the retry");
        receiver.about(id).get(4).verify(endpoint.secret());
        assertEquals(receiver.about(id).get(0).header("webhook-id"), receiver.about(id).get(4).header("webhook-id"));
        TestApi.await(() -> Webhooks.deliveries(endpoint).get(0).get("status").equals(204), "the retry logged");
    }

    @Test
    void shouldTellOfScheduledPublishingAndOfEveryKindOfContent() throws Exception {
        endpoint = Webhooks.register(receiver.url(), Webhooks.ALL);
        Map<String, Object> scheduled = TestApi.article(TestApi.uniqueSection(), "Tide tables for the weekend");
        scheduled.put("status", "scheduled");
        scheduled.put("publishedAt", Instant.now().plusSeconds(1).truncatedTo(ChronoUnit.SECONDS).toString());
        String article = TestApi.create(scheduled).path("id");
        TestApi.await(() -> receiver.about(article).size() == 1, "the scheduled publication");
        assertEquals("article.published", receiver.about(article).get(0).json().path("type").asText());

        TestApi.patchCurrent(TestApi.editorToken(), "/v1/articles/" + article, Map.of("status", "draft")).then().statusCode(200);
        given().auth().oauth2(TestApi.ADMIN).delete("/v1/articles/" + article).then().statusCode(204);
        TestApi.await(() -> receiver.about(article).size() == 3, "unpublished, then deleted");
        assertEquals(List.of("article.published", "article.unpublished", "article.deleted"), types(article));

        String quote = TestApi.createQuote(TestApi.quote(TestApi.uniqueSpeaker("Ada Harbour"), "Harbour master", "We sail at six."))
                .path("id");
        TestApi.patchCurrent(TestApi.editorToken(), "/v1/quotes/" + quote, Map.of("context", "At the quay")).then().statusCode(200);
        given().auth().oauth2(TestApi.ADMIN).delete("/v1/quotes/" + quote).then().statusCode(204);
        TestApi.await(() -> receiver.about(quote).size() == 2, "quote events");
        assertEquals(List.of("quote.updated", "quote.deleted"), types(quote));

        String image = TestApi.uploadPng();
        TestApi.patchCurrent(TestApi.editorToken(), "/v1/images/" + image, Map.of("caption", "The quay at dawn")).then().statusCode(200);
        given().auth().oauth2(TestApi.ADMIN).delete("/v1/images/" + image).then().statusCode(204);
        TestApi.await(() -> receiver.about(image).size() == 2, "image events");
        assertEquals(List.of("image.updated", "image.deleted"), types(image));
        for (String id : List.of(article, quote, image)) {
            for (WebhookReceiver.Received delivery : receiver.about(id)) {
                delivery.verify(endpoint.secret());
            }
        }
    }

    @Test
    void shouldTellOfACorrectionAsArticleCorrected() throws Exception {
        endpoint = Webhooks.register(receiver.url(), "article.updated,article.corrected");
        String id = TestApi.create(TestApi.article(TestApi.uniqueSection(), "Harbour has four berths")).path("id");
        given().auth().oauth2(TestApi.editorToken()).contentType("application/json")
                .body(Map.of("kind", "correction", "text", "There are five berths."))
                .post("/v1/articles/" + id + "/corrections").then().statusCode(201);
        TestApi.patchCurrent(TestApi.editorToken(), "/v1/articles/" + id, Map.of("standfirst", "Five berths, not four."))
                .then().statusCode(200);
        TestApi.await(() -> receiver.about(id).size() == 2, "the correction, then the edit");
        assertEquals(List.of("article.corrected", "article.updated"), types(id));
        WebhookReceiver.Received corrected = receiver.about(id).get(0);
        corrected.verify(endpoint.secret());
        assertEquals(1, corrected.json().path("data").path("version").asLong(), "the version the correction made");
    }

    @Test
    void shouldTellOfEntriesOfPublishedLiveBlogsOnly() throws Exception {
        endpoint = Webhooks.register(receiver.url(), "entry.created,entry.updated,entry.deleted");
        Map<String, Object> blog = TestApi.article(TestApi.uniqueSection(), "Storm over the coast, live");
        blog.put("live", Map.of("status", "live"));
        String live = TestApi.create(blog).path("id");
        String entry = postEntry(live, "Winds reach the harbour.");
        TestApi.patchCurrent(TestApi.editorToken(), "/v1/articles/" + live + "/entries/" + entry, Map.of("pinned", true))
                .then().statusCode(200);
        given().auth().oauth2(TestApi.editorToken()).delete("/v1/articles/" + live + "/entries/" + entry).then().statusCode(204);
        TestApi.await(() -> receiver.about(entry).size() == 3, "entry events");
        assertEquals(List.of("entry.created", "entry.updated", "entry.deleted"), types(entry));
        assertEquals("/v1/articles/" + live + "/entries/" + entry, receiver.about(entry).get(0).json().path("data").path("url").asText());
        for (WebhookReceiver.Received delivery : receiver.about(entry)) {
            delivery.verify(endpoint.secret());
        }

        Map<String, Object> draft = TestApi.article(TestApi.uniqueSection(), "Storm drafts, live");
        draft.put("live", Map.of("status", "live"));
        draft.put("status", "draft");
        String unseen = postEntry(TestApi.create(draft).path("id"), "Not out yet.");
        Thread.sleep(700);
        assertEquals(List.of(), receiver.about(unseen), "partners hear nothing of a draft's entries");
    }

    private static String postEntry(String blog, String text) {
        return given().auth().oauth2(TestApi.editorToken()).contentType(io.restassured.http.ContentType.JSON)
                .body(Map.of("body", List.of(Map.of("type", "paragraph", "text", text))))
                .post("/v1/articles/" + blog + "/entries").then().statusCode(201).extract().path("id");
    }

    /**
     * The event types received about one item, in the order they happened. Deliveries run in
     * parallel, so they may arrive in another order (docs/webhooks.md: receivers order by the
     * payload); the test puts them back in order by their timestamp, then by the expected sequence
     * of one item's life (a change comes before its deletion within the same instant).
     */
    private static List<String> types(String id) {
        List<String> lifecycle = List.of("article.published", "article.updated", "article.unpublished", "quote.updated",
                "image.updated", "entry.created", "entry.updated", "entry.deleted", "article.deleted", "quote.deleted",
                "image.deleted");
        return receiver.about(id).stream()
                .sorted(java.util.Comparator.<WebhookReceiver.Received, java.time.Instant> comparing(r -> java.time.Instant.parse(r.json().path("timestamp").asText()))
                        .thenComparing(r -> lifecycle.indexOf(r.json().path("type").asText())))
                .map(r -> r.json().path("type").asText()).toList();
    }
}
