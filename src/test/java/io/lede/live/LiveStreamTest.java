package io.lede.live;

import static io.lede.TestApi.editorToken;
import static io.lede.live.LiveTestData.liveBlog;
import static io.lede.live.LiveTestData.postEntry;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.lede.TestApi;
import io.lede.live.stream.LiveEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.core.Vertx;

/**
 * The event streams, read by a real SSE client over HTTP: what arrives, in which order, what a
 * reconnection replays, and what the public never sees.
 */
@QuarkusTest
class LiveStreamTest {

    private static final String MERGE_PATCH = "application/merge-patch+json";

    @Inject
    Vertx vertx;

    @Inject
    LiveEvents events;

    private SseClient open(String path, Map<String, String> headers) throws Exception {
        SseClient client = SseClient.open(vertx, path, headers);
        SseClient.assertStream(client);
        // The opening comment comes once the subscriber is registered: what is written from now on reaches it.
        client.awaitComment(path.startsWith("/v1/events") ? "lede site" : "lede " + path.split("/")[3], Duration.ofSeconds(5));
        return client;
    }

    @Test
    void shouldDeliverANewEntryAsItsGetReturnsIt() throws Exception {
        String blog = liveBlog("published");
        try (SseClient stream = open("/v1/articles/" + blog + "/live", Map.of())) {
            String entry = postEntry(blog, "The first ferry has left the harbour.").path("id");
            SseClient.Event created = stream.next("entry.created");
            String get = given().get("/v1/articles/" + blog + "/entries/" + entry).then().statusCode(200).extract().asString();
            assertEquals(get, created.data());
            assertTrue(Long.parseLong(created.id()) > 0);
        }
    }

    @Test
    void shouldServeTheStreamUnbufferedUncompressedAndOpenToOtherOrigins() throws Exception {
        String blog = liveBlog("published");
        try (SseClient stream = open("/v1/articles/" + blog + "/live",
                Map.of("Accept-Encoding", "gzip, deflate, br", "Origin", "https://partner.example.org"))) {
            assertTrue(stream.header("Content-Type").startsWith("text/event-stream"));
            assertEquals("no", stream.header("X-Accel-Buffering"));
            assertEquals("no-store", stream.header("Cache-Control"));
            assertNull(stream.header("Content-Encoding"));
            assertEquals("*", stream.header("Access-Control-Allow-Origin"));
            postEntry(blog, "Readable as it comes, not gzipped.");
            stream.next("entry.created");
        }
        given().header("Origin", "https://partner.example.org").header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "last-event-id")
                .options("/v1/articles/" + blog + "/live")
                .then().statusCode(204)
                .header("Access-Control-Allow-Headers", org.hamcrest.Matchers.containsString("Last-Event-ID"));
    }

    @Test
    void shouldReplayExactlyTheMissedEventsInOrderOnReconnection() throws Exception {
        String blog = liveBlog("published");
        try (SseClient reference = open("/v1/articles/" + blog + "/live", Map.of())) {
            String seen;
            String first;
            try (SseClient stream = open("/v1/articles/" + blog + "/live", Map.of())) {
                first = postEntry(blog, "Divers check the hulls.").path("id");
                seen = stream.next("entry.created").id();
            }
            // Missed while away: a new entry, an edit and a deletion.
            Response second = postEntry(blog, "Berth two reopens.");
            given().auth().oauth2(editorToken()).contentType(MERGE_PATCH).header("If-Match", second.header("ETag"))
                    .body(Map.of("keyEvent", true)).patch("/v1/articles/" + blog + "/entries/" + second.path("id"))
                    .then().statusCode(200);
            given().auth().oauth2(editorToken()).delete("/v1/articles/" + blog + "/entries/" + first).then().statusCode(204);

            List<SseClient.Event> missed = new ArrayList<>();
            SseClient.Event event = reference.next(e -> e.id().equals(seen));
            while (missed.size() < 3) {
                event = reference.next();
                missed.add(event);
            }
            assertEquals(List.of("entry.created", "entry.updated", "entry.deleted"), missed.stream().map(SseClient.Event::name).toList());

            try (SseClient again = open("/v1/articles/" + blog + "/live", Map.of("Last-Event-ID", seen))) {
                assertEquals(missed, List.of(again.next(), again.next(), again.next()));
                // Then live events, nothing twice.
                postEntry(blog, "Tea on the quay.");
                SseClient.Event live = again.next();
                assertEquals("entry.created", live.name());
                assertEquals(Long.parseLong(missed.get(2).id()) + 1, Long.parseLong(live.id()));
            }
            // The same through the query parameter, for clients that cannot set headers.
            try (SseClient again = open("/v1/articles/" + blog + "/live?lastEventId=" + seen, Map.of())) {
                assertEquals(missed.get(0), again.next());
            }
        }
    }

    @Test
    void shouldSendAResetWhenTheMissedEventsAreNoLongerKept() throws Exception {
        String blog = liveBlog("published");
        String first;
        try (SseClient stream = open("/v1/articles/" + blog + "/live", Map.of())) {
            postEntry(blog, "One.");
            first = stream.next("entry.created").id();
            for (String text : List.of("Two.", "Three.", "Four.", "Five.")) {
                postEntry(blog, text);
                stream.next("entry.created");
            }
        }
        // As if a day had passed: only each stream's last two events are kept.
        events.prune(Instant.now().plus(Duration.ofDays(2)), Duration.ofDays(1), 2);
        try (SseClient again = open("/v1/articles/" + blog + "/live", Map.of("Last-Event-ID", first))) {
            SseClient.Event reset = again.next();
            assertEquals("reset", reset.name());
            String latest = reset.id();
            postEntry(blog, "Six.");
            assertEquals(Long.parseLong(latest) + 1, Long.parseLong(again.next("entry.created").id()));
        }
        // An id this stream never gave out is a reset too, never an error.
        try (SseClient again = open("/v1/articles/" + blog + "/live", Map.of("Last-Event-ID", "not-a-number"))) {
            assertEquals("reset", again.next().name());
        }
    }

    @Test
    void shouldEndADeletedArticlesStreamAndLaterForgetIt() throws Exception {
        String blog = liveBlog("published");
        try (SseClient stream = open("/v1/articles/" + blog + "/live", Map.of())) {
            postEntry(blog, "Last words.");
            stream.next("entry.created");
            String etag = given().get("/v1/articles/" + blog).header("ETag");
            TestApi.delete(TestApi.ADMIN, "/v1/articles/" + blog, etag).then().statusCode(204);
            SseClient.Event gone = stream.next("article.updated");
            assertTrue(gone.data().contains("\"deleted\":true"), gone.data());
            assertTrue(stream.ends(Duration.ofSeconds(5)), "the stream stays open after its article was deleted");
        }
        assertTrue(events.latest(blog) > 0);
        // A day on, the deleted article's stream is gone; the site stream keeps its ids.
        long site = events.latest("site");
        events.prune(Instant.now().plus(Duration.ofDays(2)), Duration.ofDays(1), 1000);
        assertEquals(0, events.latest(blog));
        assertEquals(site, events.latest("site"));
    }

    @Test
    void shouldOpenManyStreamsOfOneBlogAtOnceAndDeliverToAll() throws Exception {
        String blog = liveBlog("published");
        List<SseClient> streams = new ArrayList<>();
        long started = System.nanoTime();
        try {
            for (int i = 0; i < 20; i++) {
                streams.add(open("/v1/articles/" + blog + "/live", Map.of()));
            }
            // No stream waits for another to end (the response cache must not hold them back).
            assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 10);
            String entry = postEntry(blog, "To everyone at once.").path("id");
            for (SseClient stream : streams) {
                assertTrue(stream.next("entry.created").data().contains(entry));
            }
        } finally {
            streams.forEach(SseClient::close);
        }
    }

    @Test
    void shouldSendHeartbeatComments() throws Exception {
        String blog = liveBlog("published");
        try (SseClient stream = open("/v1/articles/" + blog + "/live", Map.of())) {
            // lede.live.heartbeat is 1s in tests.
            stream.awaitComment("heartbeat", Duration.ofSeconds(4));
        }
    }

    @Test
    void shouldKeepADraftsStreamForEditors() throws Exception {
        String draft = liveBlog("draft");
        SseClient anonymous = SseClient.open(vertx, "/v1/articles/" + draft + "/live", Map.of());
        try (anonymous) {
            assertEquals(404, anonymous.status());
            assertTrue(anonymous.header("Content-Type").startsWith("application/problem+json"));
        }
        try (SseClient editor = open("/v1/articles/" + draft + "/live", Map.of("Authorization", "Bearer " + editorToken()))) {
            postEntry(draft, "Embargoed until noon.");
            assertTrue(editor.next("entry.created").data().contains("Embargoed until noon."));
        }
    }

    @Test
    void shouldStopSendingEntriesToThePublicOnceTheBlogIsUnpublished() throws Exception {
        String blog = liveBlog("published");
        try (SseClient stream = open("/v1/articles/" + blog + "/live", Map.of());
                SseClient editor = open("/v1/articles/" + blog + "/live", Map.of("Authorization", "Bearer " + editorToken()))) {
            Response article = given().get("/v1/articles/" + blog);
            given().auth().oauth2(editorToken()).contentType(MERGE_PATCH).header("If-Match", article.header("ETag"))
                    .body(Map.of("status", "draft")).patch("/v1/articles/" + blog).then().statusCode(200);
            SseClient.Event updated = stream.next("article.updated");
            assertTrue(updated.data().contains("\"status\":\"draft\""), updated.data());
            postEntry(blog, "Only editors see this one.");
            editor.next("entry.created");
            assertFalse(stream.drain(Duration.ofMillis(500)).stream()
                    .anyMatch(item -> item instanceof SseClient.Event event && event.name().startsWith("entry.")));
        }
    }

    @Test
    void shouldTellTheSiteStreamWhichPublicKeysChanged() throws Exception {
        String section = TestApi.uniqueSection();
        try (SseClient stream = open("/v1/events", Map.of())) {
            Map<String, Object> draftBody = TestApi.article(section, "Embargoed budget story");
            draftBody.put("status", "draft");
            String draft = TestApi.create(draftBody).path("id");
            String published = TestApi.create(TestApi.article(section, "Bridge reopens")).path("id");
            SseClient.Event changed = stream.next(event -> event.data().contains("article-" + published));
            assertEquals("changed", changed.name());
            assertTrue(changed.data().contains("\"section-" + section + "\""), changed.data());
            assertTrue(changed.data().contains("\"at\":"), changed.data());
            assertFalse(changed.data().contains(draft));
            // An entry touches its blog's entries, and nothing of any other article.
            String blog = liveBlog("published");
            postEntry(blog, "Update.");
            SseClient.Event entry = stream.next(event -> event.data().contains("entries-" + blog));
            assertEquals("{\"keys\":[\"entries-" + blog + "\"]", entry.data().substring(0, entry.data().indexOf(",\"at\"")));
            // Nothing of the draft, ever.
            assertFalse(stream.drain(Duration.ofMillis(300)).stream().anyMatch(item -> item.toString().contains(draft)));
        }
    }

    @Test
    void shouldTellTheSiteStreamOfEntitiesThePublicSeesOnly() throws Exception {
        String shown = TestApi.createEntity("place", "Skarvik");
        String hidden = TestApi.createEntity("place", "Embargoed place");
        Map<String, Object> body = TestApi.article(TestApi.uniqueSection(), "Ferries reach Skarvik");
        body.put("entities", List.of(Map.of("id", shown, "rel", "about")));
        TestApi.create(body);
        try (SseClient stream = open("/v1/events", Map.of())) {
            TestApi.edit("/v1/entities/" + shown, Map.of("name", "Skarvik harbour"));
            SseClient.Event renamed = stream.next(event -> event.data().contains("entity-" + shown));
            assertTrue(renamed.data().contains("\"entities\""), renamed.data());
            TestApi.edit("/v1/entities/" + hidden, Map.of("name", "Still embargoed"));
            assertFalse(stream.drain(Duration.ofMillis(300)).stream().anyMatch(item -> item.toString().contains(hidden)));
        }
    }

    @Test
    void shouldAnswerProblemsBeforeTheStreamStarts() throws Exception {
        try (SseClient unknown = SseClient.open(vertx, "/v1/articles/" + java.util.UUID.randomUUID() + "/live", Map.of())) {
            assertEquals(404, unknown.status());
        }
        given().accept(ContentType.JSON).get("/v1/events").then().statusCode(406);
        given().get("/v1/events?since=3").then().statusCode(400).contentType("application/problem+json");
    }

    /**
     * Another replica's write, as this one sees it: an event appended and announced from a
     * connection of its own reaches the stream held open here (PostgreSQL only: one H2 is one replica).
     */
    @Test
    void shouldDeliverAnEventAnotherReplicaAppended() throws Exception {
        var config = ConfigProvider.getConfig();
        assumeTrue(config.getValue("quarkus.datasource.db-kind", String.class).startsWith("postgres"),
                "needs PostgreSQL NOTIFY");
        String blog = liveBlog("published");
        try (SseClient stream = open("/v1/articles/" + blog + "/live", Map.of());
                Connection other = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                        config.getValue("quarkus.datasource.username", String.class),
                        config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""))) {
            other.setAutoCommit(false);
            try (PreparedStatement bump = other.prepareStatement(
                    "insert into live_stream (stream, last_seq) values (?, 1) on conflict (stream) do update set last_seq = live_stream.last_seq + 1 returning last_seq")) {
                bump.setString(1, blog);
                long seq;
                try (ResultSet row = bump.executeQuery()) {
                    row.next();
                    seq = row.getLong(1);
                }
                try (PreparedStatement insert = other.prepareStatement("insert into live_event (stream, seq, event, data, is_public, created_at)"
                        + " values (?, ?, 'entry.deleted', '{\"id\":\"elsewhere\"}', true, now())");
                        PreparedStatement notify = other.prepareStatement("select pg_notify('lede_live', ?)")) {
                    insert.setString(1, blog);
                    insert.setLong(2, seq);
                    insert.executeUpdate();
                    notify.setString(1, blog);
                    notify.execute();
                }
                other.commit();
                SseClient.Event event = stream.next("entry.deleted");
                assertEquals(Long.toString(seq), event.id());
                assertEquals("{\"id\":\"elsewhere\"}", event.data());
            }
        }
    }
}
