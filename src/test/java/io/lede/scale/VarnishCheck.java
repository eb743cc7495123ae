package io.lede.scale;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Varnish (docker/varnish/default.vcl) in front of the packaged jar, which purges it by surrogate
 * key after every write (started by {@link VarnishIT}): public responses are cached per Cache-Control,
 * token reads and private responses never are, and once a write's response has returned no read
 * through Varnish gets the old version, while readers keep hammering the edited article; an edit
 * leaves other articles' copies at the edge; deleting a quote purges it by its keys alone.
 */
final class VarnishCheck {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int EDITS = 30;
    private static final int HAMMERS = 4;
    private static final Pattern EDITION = Pattern.compile("Edge edition (\\d+)");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String edge;
    private final String origin;
    private final String token;
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());

    VarnishCheck(String edge, String origin, String token) {
        this.edge = edge;
        this.origin = origin;
        this.token = token;
    }

    /** What the checks found wrong. */
    List<String> failures() {
        return List.copyOf(failures);
    }

    void run() throws Exception {
        publicResponsesAreCachedPerCacheControl();
        noReadAfterAWriteGetsTheOldVersion();
        anEditLeavesOtherArticlesAtTheEdge();
        aDeletedQuoteLeavesOtherStoriesAtTheEdge();
        imageFormatVariantsStayApartAtTheEdge();
    }

    /** format=auto: a browser without WebP never gets the WebP copy another browser's request left at the edge. */
    private void imageFormatVariantsStayApartAtTheEdge() throws Exception {
        java.awt.image.BufferedImage picture = new java.awt.image.BufferedImage(64, 32, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.io.ByteArrayOutputStream jpeg = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(picture, "jpeg", jpeg);
        String boundary = "lede-edge-check";
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"edge.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        body.write(jpeg.toByteArray());
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        HttpResponse<String> uploaded = http.send(HttpRequest.newBuilder(URI.create(origin + "/v1/images"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        if (expect(uploaded, 201, "image upload at the origin").statusCode() != 201) {
            return;
        }
        String path = "/v1/images/" + json(uploaded).path("id").asText() + "/content?w=160&format=auto";
        expectType(expectCache(send(edge, "GET", path, null, null, "Accept", "image/webp,*/*"), "miss", "WebP browser"), "image/webp");
        expectType(expectCache(send(edge, "GET", path, null, null, "Accept", "image/*"), "miss", "browser without WebP"), "image/jpeg");
        expectType(expectCache(send(edge, "GET", path, null, null, "Accept", "image/avif,image/webp;q=0.9,*/*;q=0.8"), "hit",
                "another WebP browser"), "image/webp");
        expectType(expectCache(send(edge, "GET", path, null, null, "Accept", "*/*"), "hit", "another browser without WebP"), "image/jpeg");
    }

    private void expectType(HttpResponse<String> response, String type) {
        String seen = response.headers().firstValue("Content-Type").orElse("none");
        if (!seen.startsWith(type)) {
            failures.add("format=auto at the edge: expected " + type + ", got " + seen);
        }
    }

    private void publicResponsesAreCachedPerCacheControl() throws Exception {
        String id = create("Edge cached story", "edge");
        String path = "/v1/articles/" + id;
        expectCache(get(edge, path, null), "miss", "first anonymous read");
        HttpResponse<String> again = expectCache(get(edge, path, null), "hit", "second anonymous read");
        if (again.headers().firstValue("Age").isEmpty()) {
            failures.add("a cached answer has no Age header");
        }
        if (again.headers().firstValue("xkey").isPresent()) {
            failures.add("the xkey header leaks to clients");
        }
        // A token read is never answered from, nor stored in, the shared cache.
        expectCache(get(edge, path, token), "miss", "read with a token");
        expectCache(get(edge, path, token), "miss", "second read with a token");
        // A private response (sync) is not kept either.
        expectCache(get(edge, "/v1/sync?limit=1", null), "miss", "sync");
        expectCache(get(edge, "/v1/sync?limit=1", null), "miss", "sync again");
        System.out.println("cache-control: public answers cached, token reads and private answers passed");
    }

    /**
     * Each edit is read through Varnish right after its response, from a Varnish that held the
     * previous edition, while other readers keep reading it through Varnish: no read that starts
     * after an edit's response may show an older edition.
     */
    private void noReadAfterAWriteGetsTheOldVersion() throws Exception {
        String id = create("Edge edition 0", "edge-live");
        String path = "/v1/articles/" + id;
        String list = "/v1/articles?section=edge-live";
        String etag = get(origin, path, token).headers().firstValue("ETag").orElseThrow();
        AtomicInteger answered = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger reads = new AtomicInteger();
        ExecutorService hammers = Executors.newFixedThreadPool(HAMMERS);
        for (int i = 0; i < HAMMERS; i++) {
            hammers.submit(() -> {
                while (!stop.get()) {
                    int atLeast = answered.get();
                    try {
                        int seen = edition(get(edge, path, null));
                        reads.incrementAndGet();
                        if (seen < atLeast) {
                            failures.add("a read started after edition " + atLeast + " was answered got edition " + seen);
                        }
                    } catch (IOException e) {
                        failures.add("read failed: " + e.getMessage());
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }
        int stale = 0;
        for (int edition = 1; edition <= EDITS; edition++) {
            get(edge, path, null);
            get(edge, list, null);
            expectCache(get(edge, path, null), "hit", "edition " + (edition - 1) + " before the edit");
            HttpResponse<String> patched = send(edge, "PATCH", path, token, "{\"headline\": \"Edge edition " + edition + "\"}",
                    "If-Match", etag);
            expect(patched, 200, "patch through Varnish");
            etag = patched.headers().firstValue("ETag").orElseThrow();
            answered.set(edition);
            if (edition(get(edge, path, null)) != edition) {
                stale++;
            }
            HttpResponse<String> listed = get(edge, list, null);
            if (!listed.body().contains("Edge edition " + edition + "\"")) {
                failures.add("the section list through Varnish did not show edition " + edition);
            }
        }
        stop.set(true);
        hammers.shutdown();
        hammers.awaitTermination(10, TimeUnit.SECONDS);
        if (stale > 0) {
            failures.add(stale + " of " + EDITS + " reads right after an edit's response got an older edition");
        }
        System.out.printf("writes: %d edits; every read after an edit's response showed it (%d concurrent reads through Varnish)%n",
                EDITS, reads.get());
    }

    private void anEditLeavesOtherArticlesAtTheEdge() throws Exception {
        String edited = create("Edge neighbour A", "edge-keys");
        String other = create("Edge neighbour B", "edge-keys");
        get(edge, "/v1/articles/" + edited, null);
        get(edge, "/v1/articles/" + other, null);
        expectCache(get(edge, "/v1/articles/" + other, null), "hit", "B before A's edit");
        String etag = get(origin, "/v1/articles/" + edited, token).headers().firstValue("ETag").orElseThrow();
        expect(send(origin, "PATCH", "/v1/articles/" + edited, token, "{\"headline\": \"Edge neighbour A, edited\"}",
                "If-Match", etag), 200, "patch A");
        expectCache(get(edge, "/v1/articles/" + other, null), "hit", "B after A's edit");
        HttpResponse<String> fresh = get(edge, "/v1/articles/" + edited, null);
        if (!fresh.body().contains("Edge neighbour A, edited")) {
            failures.add("A was stale at the edge after its edit");
        }
        System.out.println("keys: editing A purged A, B stayed cached at the edge");
    }

    /**
     * Deleting a quote purges it by its keys alone: drafts lose their references to it in the
     * database (on delete cascade), which no response at the edge shows, so other stories stay.
     */
    private void aDeletedQuoteLeavesOtherStoriesAtTheEdge() throws Exception {
        String id = create("Edge story beside a deleted quote", "edge-quote");
        get(edge, "/v1/articles/" + id, null);
        expectCache(get(edge, "/v1/articles/" + id, null), "hit", "before the quote is deleted");
        HttpResponse<String> quote = send(origin, "POST", "/v1/quotes", token,
                "{\"text\": \"Short-lived words.\", \"speaker\": {\"name\": \"Edge Speaker " + System.nanoTime() + "\"}, \"language\": \"en\"}");
        expect(quote, 201, "create a quote");
        expect(send(origin, "DELETE", "/v1/quotes/" + json(quote).path("id").asText(), token, null), 204, "delete the quote");
        expectCache(get(edge, "/v1/articles/" + id, null), "hit", "after the quote was deleted");
        System.out.println("keys: deleting a quote left other stories cached at the edge");
    }

    private String create(String headline, String section) throws Exception {
        HttpResponse<String> created = send(origin, "POST", "/v1/articles", token,
                "{\"headline\": \"" + headline + "\", \"section\": \"" + section + "\", \"language\": \"en\", \"status\": \"published\","
                        + " \"body\": [{\"type\": \"paragraph\", \"text\": \"Read through the edge.\"}]}");
        expect(created, 201, "create " + headline);
        return json(created).path("id").asText();
    }

    private static int edition(HttpResponse<String> response) {
        Matcher matcher = EDITION.matcher(response.body());
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : -1;
    }

    private HttpResponse<String> get(String base, String path, String bearer) throws IOException, InterruptedException {
        return send(base, "GET", path, bearer, null);
    }

    private HttpResponse<String> send(String base, String method, String path, String bearer, String body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (body != null) {
            request.header("Content-Type", method.equals("PATCH") ? "application/merge-patch+json" : "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> expectCache(HttpResponse<String> response, String cache, String what) {
        String seen = response.headers().firstValue("X-Cache").orElse("none");
        if (response.statusCode() != 200 || !seen.equals(cache)) {
            failures.add(what + ": expected 200 and a Varnish " + cache + ", got " + response.statusCode() + " and " + seen);
        }
        return response;
    }

    private <T> HttpResponse<T> expect(HttpResponse<T> response, int status, String what) {
        if (response.statusCode() != status) {
            failures.add(what + ": expected " + status + ", got " + response.statusCode() + " " + response.body());
        }
        return response;
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }
}
