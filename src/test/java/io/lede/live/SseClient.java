package io.lede.live;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import io.restassured.RestAssured;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/**
 * A Server-Sent Events client on Vert.x's HTTP client, parsing the stream as the HTML standard's
 * EventSource does (fields, comments, events dispatched at a blank line), and keeping comments,
 * which EventSource drops, so that heartbeats can be seen.
 */
final class SseClient implements AutoCloseable {

    /** One dispatched event. */
    record Event(String id, String name, String data) {
    }

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final HttpClient http;
    private final BlockingQueue<Object> received = new LinkedBlockingQueue<>();
    private final StringBuilder pending = new StringBuilder();
    private final List<String> comments = new ArrayList<>();
    private String id;
    private String name;
    private StringBuilder data;
    private int status;
    private MultiMap headers;
    private final StringBuilder body = new StringBuilder();
    private final CompletableFuture<Void> ended = new CompletableFuture<>();

    private SseClient(Vertx vertx) {
        this.http = vertx.createHttpClient(new HttpClientOptions().setDecompressionSupported(false));
    }

    /** Opens {@code path} on the test server with these request headers; returns once the response headers are in. */
    static SseClient open(Vertx vertx, String path, Map<String, String> requestHeaders) throws Exception {
        SseClient client = new SseClient(vertx);
        CompletableFuture<HttpClientResponse> response = new CompletableFuture<>();
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost("localhost").setPort(RestAssured.port)
                .setURI(path).putHeader("Accept", "text/event-stream");
        requestHeaders.forEach(options::putHeader);
        // The handlers are set on the connection's event loop as the response arrives: set from a
        // callback dispatched later, a short answer (a 404 problem) would already have ended.
        http(client).request(options)
                .compose(request -> request.send().andThen(sent -> {
                    if (sent.succeeded()) {
                        HttpClientResponse answer = sent.result();
                        client.status = answer.statusCode();
                        client.headers = answer.headers();
                        answer.handler(client::chunk);
                        answer.endHandler(done -> client.ended.complete(null));
                    }
                }))
                .onSuccess(response::complete)
                .onFailure(response::completeExceptionally);
        response.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        return client;
    }

    private static HttpClient http(SseClient client) {
        return client.http;
    }

    int status() {
        return status;
    }

    String header(String name) {
        return headers.get(name);
    }

    /** The body so far, for a response that is not a stream (a problem). */
    synchronized String body() {
        return body.toString();
    }

    /** The next event, failing after a while. */
    Event next() throws InterruptedException {
        return next(event -> true);
    }

    /** The next event that matches, skipping others; failing after a while. */
    Event next(Predicate<Event> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            Object item = left > 0 ? received.poll(left, TimeUnit.NANOSECONDS) : null;
            if (item == null) {
                fail("no matching event within " + WAIT.toSeconds() + " s");
            }
            if (item instanceof Event event && wanted.test(event)) {
                return event;
            }
        }
    }

    /** The next event named so. */
    Event next(String eventName) throws InterruptedException {
        return next(event -> eventName.equals(event.name()));
    }

    /** Waits for a comment line with this text. */
    void awaitComment(String text, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            Object item = received.poll(50, TimeUnit.MILLISECONDS);
            if (text.equals(item)) {
                return;
            }
        }
        fail("no comment '" + text + "' within " + within.toMillis() + " ms");
    }

    /** Whether the server ended the response within this time. */
    boolean ends(Duration within) throws InterruptedException {
        try {
            ended.get(within.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Everything received that is not yet taken: events and comments. */
    List<Object> drain(Duration quiet) throws InterruptedException {
        List<Object> items = new ArrayList<>();
        Object item;
        while ((item = received.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) != null) {
            items.add(item);
        }
        return items;
    }

    private synchronized void chunk(Buffer chunk) {
        String text = chunk.toString();
        body.append(text);
        pending.append(text);
        int end;
        while ((end = pending.indexOf("\n")) >= 0) {
            String line = pending.substring(0, end);
            pending.delete(0, end + 1);
            line(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
        }
    }

    private void line(String line) {
        if (line.isEmpty()) {
            if (data != null) {
                received.add(new Event(id, name == null ? "message" : name, data.toString()));
            }
            name = null;
            data = null;
            return;
        }
        if (line.startsWith(":")) {
            String comment = line.substring(1).stripLeading();
            comments.add(comment);
            received.add(comment);
            return;
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        switch (field) {
            case "id" -> id = value;
            case "event" -> name = value;
            case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
            default -> {
                // retry and unknown fields: nothing to dispatch
            }
        }
    }

    @Override
    public void close() {
        http.close();
    }

    static void assertStream(SseClient client) {
        assertNotNull(client.header("Content-Type"), "no Content-Type");
        if (client.status() != 200 || !client.header("Content-Type").startsWith("text/event-stream")) {
            fail("not a stream: " + client.status() + " " + client.header("Content-Type") + " " + client.body());
        }
    }
}
