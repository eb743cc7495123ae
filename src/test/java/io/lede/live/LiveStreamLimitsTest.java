package io.lede.live;

import static io.lede.TestApi.editorToken;
import static io.lede.live.LiveTestData.liveBlog;
import static io.lede.live.LiveTestData.post;
import static io.lede.live.LiveTestData.postEntry;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.lede.TestApi;
import io.lede.live.stream.LiveEvent;
import io.lede.live.stream.LiveEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.vertx.core.Vertx;

/**
 * What keeps streams safe from large entries, slow clients and revoked tokens, and what the
 * public may learn of withdrawn blogs.
 */
@QuarkusTest
class LiveStreamLimitsTest {

    @Inject
    Vertx vertx;

    @Inject
    LiveEvents events;

    private static Map<String, Object> longEntry(int paragraphs, int chars) {
        List<Map<String, Object>> blocks = new ArrayList<>();
        for (int i = 0; i < paragraphs; i++) {
            blocks.add(Map.of("type", "paragraph", "text", ("Paragraph " + i + " ").repeat(chars / 12 + 1).substring(0, chars)));
        }
        return Map.of("body", blocks);
    }

    @Test
    void shouldKeepEntriesShort() {
        String blog = liveBlog("published");
        post(blog, longEntry(2, 12_000)).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("body")).body("errors[0].message", containsString("20000"));
        post(blog, longEntry(1, 19_000)).then().statusCode(201);
    }

    @Test
    void shouldReadLargeEventsAFewAtATime() {
        String blog = liveBlog("published");
        for (int i = 0; i < 4; i++) {
            post(blog, longEntry(1, 15_000)).then().statusCode(201);
        }
        List<LiveEvent> all = events.after(blog, 0, 200, 10_000_000);
        // The blog's own article.updated, then four entries of about 15,000 characters each.
        assertEquals(5, all.size());
        List<LiveEvent> first = events.after(blog, 0, 200, 20_000);
        assertEquals(all.subList(0, 2).stream().map(LiveEvent::seq).toList(), first.stream().map(LiveEvent::seq).toList());
        // Over budget with the first event alone: that one still comes.
        List<LiveEvent> next = events.after(blog, first.get(1).seq(), 200, 1_000);
        assertEquals(List.of(all.get(2).seq()), next.stream().map(LiveEvent::seq).toList());
    }

    @Test
    void shouldEndAStreamWhenItsTokenIsRevoked() throws Exception {
        String draft = liveBlog("draft");
        String token = TestApi.issueToken("short-lived editor", "editor");
        String tokenId = given().auth().oauth2(TestApi.ADMIN).get("/v1/admin/tokens").then().statusCode(200).extract()
                .path("items.find { it.name == 'short-lived editor' }.id");
        try (SseClient stream = SseClient.open(vertx, "/v1/articles/" + draft + "/live", Map.of("Authorization", "Bearer " + token))) {
            SseClient.assertStream(stream);
            stream.awaitComment("lede " + draft, Duration.ofSeconds(5));
            given().auth().oauth2(TestApi.ADMIN).delete("/v1/admin/tokens/" + tokenId).then().statusCode(204);
            assertTrue(stream.ends(Duration.ofSeconds(5)), "the revoked token's stream is still open");
        }
        postEntry(draft, "Embargoed: after the revocation.");
    }

    @Test
    void shouldTellThePublicNothingOfAWithdrawnBlogsEntries() throws Exception {
        String blog = liveBlog("published");
        String etag = given().get("/v1/articles/" + blog).header("ETag");
        TestApi.patch(editorToken(), "/v1/articles/" + blog, etag, Map.of("status", "draft")).then().statusCode(200);
        try (SseClient site = SseClient.open(vertx, "/v1/events", Map.of())) {
            SseClient.assertStream(site);
            site.awaitComment("lede site", Duration.ofSeconds(5));
            postEntry(blog, "Written while withdrawn.");
            // A public change after it, to know the stream has caught up.
            String other = TestApi.create(TestApi.article(TestApi.uniqueSection(), "Marker story")).path("id");
            List<Object> seen = new ArrayList<>();
            SseClient.Event marker = site.next(event -> {
                seen.add(event);
                return event.data().contains(other);
            });
            assertTrue(marker != null);
            assertFalse(seen.stream().anyMatch(event -> event.toString().contains("entries-" + blog)), seen::toString);
        }
    }

    @Test
    void shouldMakeAQuoteShownInAPublishedBlogsEntryPublic() {
        Map<String, Object> draftBody = TestApi.article(TestApi.uniqueSection(), "Embargoed budget story");
        draftBody.put("status", "draft");
        String draft = TestApi.create(draftBody).path("id");
        Map<String, Object> quote = TestApi.quote(TestApi.uniqueSpeaker("Ines Vall"), "finance minister", "The budget holds.");
        quote.put("articleId", draft);
        String quoteId = TestApi.createQuote(quote).path("id");
        given().get("/v1/quotes/" + quoteId).then().statusCode(404);
        String blog = liveBlog("published");
        post(blog, Map.of("body", List.of(Map.of("type", "quote", "quoteId", quoteId)))).then().statusCode(201);
        given().get("/v1/quotes/" + quoteId).then().statusCode(200).body("text", equalTo("The budget holds."));
    }

    @Test
    void shouldNotPublishABlogWhoseEntriesShowDeletedImages() {
        String draft = liveBlog("draft");
        String image = TestApi.uploadPng();
        String entry = post(draft, Map.of("body", List.of(Map.of("type", "image", "imageId", image)))).then().statusCode(201)
                .extract().path("id");
        TestApi.delete(TestApi.ADMIN, "/v1/images/" + image, TestApi.etag(TestApi.ADMIN, "/v1/images/" + image)).then().statusCode(204);
        String path = "/v1/articles/" + draft;
        TestApi.patch(editorToken(), path, TestApi.etag(editorToken(), path), Map.of("status", "published")).then()
                .statusCode(409).contentType("application/problem+json").body("detail", containsString(entry));
        TestApi.delete(editorToken(), path + "/entries/" + entry, TestApi.etag(editorToken(), path + "/entries/" + entry))
                .then().statusCode(204);
        TestApi.patch(editorToken(), path, TestApi.etag(editorToken(), path), Map.of("status", "published")).then().statusCode(200);
    }

    /**
     * A client that stops reading is let go (lede.live.stall-timeout, 2 s in tests) instead of
     * having events pile up for it: its connection ends, and it would reconnect with Last-Event-ID.
     */
    @Test
    void shouldLetGoOfAClientThatStopsReading() throws Exception {
        String blog = liveBlog("published");
        try (Socket socket = new Socket()) {
            socket.setReceiveBufferSize(2048);
            socket.connect(new java.net.InetSocketAddress("localhost", RestAssured.port));
            OutputStream out = socket.getOutputStream();
            out.write(("GET /v1/articles/" + blog + "/live HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(500);
            // Far more than the socket buffers hold, while the client reads nothing.
            for (int i = 0; i < 320; i++) {
                given().auth().oauth2(editorToken()).contentType(ContentType.JSON).body(longEntry(1, 19_000))
                        .post("/v1/articles/" + blog + "/entries").then().statusCode(201);
            }
            Thread.sleep(Duration.ofSeconds(5).toMillis());
            socket.setSoTimeout(10_000);
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[65536];
            long read = 0;
            boolean ended = false;
            try {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    read += n;
                }
                ended = true;
            } catch (SocketTimeoutException e) {
                ended = false;
            } catch (java.net.SocketException e) {
                ended = true;
            }
            assertTrue(ended, "the stalled stream was still open after " + read + " bytes");
            assertTrue(read < 320L * 19_000, "everything was buffered for the stalled client: " + read + " bytes");
        }
    }
}
