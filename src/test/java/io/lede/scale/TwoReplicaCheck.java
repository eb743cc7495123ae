package io.lede.scale;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.lede.image.TestImages;

/**
 * Two packaged jars on two ports, sharing one PostgreSQL database, one Redis and one S3-compatible
 * store (started by {@link TwoReplicasIT}): what one replica writes, the other serves at once, and
 * only what the write changed is evicted there; a token revoked on one stops on the other; rate
 * limits hold across both; an image uploaded to one is served by the other; a request in flight
 * when one is stopped is answered.
 */
final class TwoReplicaCheck {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int EDITS = 30;
    /** How long a replica may take to learn of another's write (the notification's way). */
    private static final long STALE_AT_MOST_MILLIS = 200;
    /** Sent with the first write; {@link TwoReplicasIT} looks for it in replica A's JSON log. */
    static final String REQUEST_ID = "two-replica-check-create";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String first;
    private final String second;
    private final String token;
    private final List<String> failures = new ArrayList<>();
    private int reads;

    TwoReplicaCheck(String first, String second, String token) {
        this.first = first;
        this.second = second;
        this.token = token;
    }

    /** What the checks found wrong so far. */
    List<String> failures() {
        return List.copyOf(failures);
    }

    /** Every check of two replicas that keep running; {@code limit} is their anonymous limit a minute. */
    void run(int limit) throws Exception {
        editsOnOneAreServedByTheOther();
        anEditOnOneLeavesOtherArticlesCachedOnTheOther();
        deletesOnOneAreServedByTheOther();
        aTokenRevokedOnOneStopsOnTheOther();
        rateLimitsHoldAcrossReplicas(limit);
        imagesUploadedToOneAreServedByTheOther();
    }

    /**
     * Graceful shutdown: a request in flight on B when B is told to stop ({@code stopSecond}, a
     * SIGTERM) still gets its answer. The first rendition of a 12-megapixel photo takes a few
     * hundred milliseconds here.
     */
    void aRequestInFlightIsAnsweredWhileTheSecondStops(Runnable stopSecond) throws Exception {
        HttpResponse<String> uploaded = upload(second, TestImages.photoJpeg(4000, 3000), "big.jpg", "image/jpeg");
        expect(uploaded, 201, "upload of a large photo on B");
        if (uploaded.statusCode() != 201) {
            return;
        }
        String id = json(uploaded).path("id").asText();
        CompletableFuture<HttpResponse<Void>> inFlight = http.sendAsync(
                HttpRequest.newBuilder(URI.create(second + "/v1/images/" + id + "/content?w=1024")).build(),
                HttpResponse.BodyHandlers.discarding());
        Thread.sleep(150);
        stopSecond.run();
        try {
            int status = inFlight.get(60, TimeUnit.SECONDS).statusCode();
            if (status != 200) {
                failures.add("a request in flight during shutdown got " + status + ", not 200");
                return;
            }
        } catch (ExecutionException e) {
            failures.add("a request in flight during shutdown got no answer: " + e.getCause());
            return;
        }
        System.out.println("graceful shutdown: the request in flight when replica B was stopped got 200");
    }

    /** Each edit on A is read on B right after A answered, from a B whose cache held the old version. */
    private void editsOnOneAreServedByTheOther() throws Exception {
        HttpResponse<String> created = send(first, "POST", "/v1/articles", token, """
                {"headline": "Replica edition 0", "section": "replicas", "language": "en", "status": "published",
                 "body": [{"type": "paragraph", "text": "Written on one replica, read on the other."}]}""",
                "X-Request-Id", REQUEST_ID);
        expect(created, 201, "create on A");
        if (!REQUEST_ID.equals(created.headers().firstValue("X-Request-Id").orElse(null))) {
            failures.add("A did not echo X-Request-Id");
        }
        String id = json(created).path("id").asText();
        String etag = created.headers().firstValue("ETag").orElseThrow();
        int stale = 0;
        for (int edition = 1; edition <= EDITS; edition++) {
            // Twice, so that B answers from its cache.
            read(second, "/v1/articles/" + id);
            read(second, "/v1/articles/" + id);
            HttpResponse<String> patched = send(first, "PATCH", "/v1/articles/" + id, token,
                    "{\"headline\": \"Replica edition " + edition + "\"}", "If-Match", etag);
            expect(patched, 200, "patch on A");
            etag = patched.headers().firstValue("ETag").orElseThrow();
            String expected = "Replica edition " + edition;
            String seen = json(read(second, "/v1/articles/" + id)).path("headline").asText();
            if (!seen.equals(expected)) {
                // B learns of A's write by a notification, which can still be on its way when the
                // very next request reaches B; it must not stay stale for longer than that.
                stale++;
                long deadline = System.nanoTime() + Duration.ofMillis(STALE_AT_MOST_MILLIS).toNanos();
                while (!seen.equals(expected) && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                    seen = json(read(second, "/v1/articles/" + id)).path("headline").asText();
                }
                if (!seen.equals(expected)) {
                    failures.add("B still served '" + seen + "' " + STALE_AT_MOST_MILLIS + " ms after A saved edition " + edition);
                }
            }
        }
        // The check means something only if B did answer from its cache between the edits.
        double hits = cacheHits(second);
        if (hits < EDITS) {
            failures.add("B answered only " + hits + " reads from its cache; the edits did not meet a cached copy");
        }
        System.out.printf("edits: %d edits on A; B stale on the very next read %d times, never after %d ms (B's cache hits: %.0f)%n",
                EDITS, stale, STALE_AT_MOST_MILLIS, hits);
    }

    /**
     * Replicas tell each other the keys a write changed: editing A on one replica evicts A on the
     * other and leaves B (same section) cached there.
     */
    private void anEditOnOneLeavesOtherArticlesCachedOnTheOther() throws Exception {
        String edited = createOn(first, "Replica neighbour A");
        String other = createOn(first, "Replica neighbour B");
        for (String id : List.of(edited, other)) {
            read(second, "/v1/articles/" + id);
            read(second, "/v1/articles/" + id);
        }
        String etag = send(first, "GET", "/v1/articles/" + edited, token, null).headers().firstValue("ETag").orElseThrow();
        expect(send(first, "PATCH", "/v1/articles/" + edited, token, "{\"headline\": \"Replica neighbour A, edited\"}",
                "If-Match", etag), 200, "patch A on A");
        HttpResponse<String> fresh = awaitOn(second, "/v1/articles/" + edited,
                response -> json(response).path("headline").asText().equals("Replica neighbour A, edited"));
        if (fresh == null) {
            failures.add("B served the old version of the edited article " + STALE_AT_MOST_MILLIS + " ms after the edit");
        }
        HttpResponse<String> neighbour = read(second, "/v1/articles/" + other);
        if (!"hit".equals(neighbour.headers().firstValue("X-Cache").orElse(null))) {
            failures.add("editing one article on A evicted another article on B (X-Cache: "
                    + neighbour.headers().firstValue("X-Cache").orElse("none") + ")");
        }
        System.out.println("keys: an edit on A refreshed that article on B and left its neighbour cached there");
    }

    /** A partner token known to B from memory stops working on B once A revoked it. */
    private void aTokenRevokedOnOneStopsOnTheOther() throws Exception {
        HttpResponse<String> issued = send(first, "POST", "/v1/admin/tokens", token,
                "{\"name\": \"replica partner\", \"role\": \"reader\"}");
        expect(issued, 201, "issue a reader token on A");
        String partner = json(issued).path("token").asText();
        String path = "/v1/articles/" + createOn(first, "Read by a partner on both replicas");
        expect(send(second, "GET", path, partner, null), 200, "partner read on B");
        expect(send(second, "GET", path, partner, null), 200, "partner read on B again");
        expect(send(first, "DELETE", "/v1/admin/tokens/" + json(issued).path("id").asText(), token, null), 204, "revoke on A");
        HttpResponse<String> refused = send(second, "GET", path, partner, null);
        boolean atOnce = refused.statusCode() == 401;
        if (!atOnce && awaitStatus(second, path, partner, 401) == null) {
            failures.add("B still accepted a token " + STALE_AT_MOST_MILLIS + " ms after A revoked it");
        }
        System.out.println("tokens: a token revoked on A was refused on B " + (atOnce ? "at once" : "within the bound"));
    }

    private String createOn(String base, String headline) throws Exception {
        HttpResponse<String> created = send(base, "POST", "/v1/articles", token, "{\"headline\": \"" + headline
                + "\", \"section\": \"replicas-keys\", \"language\": \"en\", \"status\": \"published\","
                + " \"body\": [{\"type\": \"paragraph\", \"text\": \"Keys across replicas.\"}]}");
        expect(created, 201, "create " + headline);
        return json(created).path("id").asText();
    }

    /** An anonymous read on {@code base} that passes {@code fresh} within the bound, or null. */
    private HttpResponse<String> awaitOn(String base, String path, Check fresh) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMillis(STALE_AT_MOST_MILLIS).toNanos();
        while (true) {
            HttpResponse<String> response = read(base, path);
            if (fresh.test(response)) {
                return response;
            }
            if (System.nanoTime() > deadline) {
                return null;
            }
            Thread.sleep(5);
        }
    }

    private HttpResponse<String> awaitStatus(String base, String path, String bearer, int status) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMillis(STALE_AT_MOST_MILLIS).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = send(base, "GET", path, bearer, null);
            if (response.statusCode() == status) {
                return response;
            }
            Thread.sleep(5);
        }
        return null;
    }

    private interface Check {
        boolean test(HttpResponse<String> response) throws IOException;
    }

    private void deletesOnOneAreServedByTheOther() throws Exception {
        HttpResponse<String> created = send(second, "POST", "/v1/articles", token, """
                {"headline": "Replica story to delete", "section": "replicas", "language": "en", "status": "draft",
                 "body": [{"type": "paragraph", "text": "Short-lived."}]}""");
        expect(created, 201, "create on B");
        String id = json(created).path("id").asText();
        HttpResponse<String> published = send(second, "PATCH", "/v1/articles/" + id, token, "{\"status\": \"published\"}",
                "If-Match", created.headers().firstValue("ETag").orElseThrow());
        expect(published, 200, "publish on B");
        expect(read(first, "/v1/articles/" + id), 200, "read on A");
        double hitsBefore = cacheHits(first);
        expect(read(first, "/v1/articles/" + id), 200, "read on A again");
        if (cacheHits(first) != hitsBefore + 1) {
            failures.add("A did not answer the second read from its cache; the delete would not meet a cached copy");
        }
        expect(send(second, "DELETE", "/v1/articles/" + id, token, null), 204, "delete on B");
        expect(read(first, "/v1/articles/" + id), 404, "read on A right after the delete on B");
        System.out.println("deletes: read on A right after a delete on B");
    }

    /** One client address spending its allowance half on A, half on B. */
    private void rateLimitsHoldAcrossReplicas(int limit) throws Exception {
        String address = "10." + ThreadLocalRandom.current().nextInt(256) + "." + ThreadLocalRandom.current().nextInt(256) + ".7";
        int passed = 0;
        int refused = 0;
        String lastOnA = null;
        String firstOnB = null;
        for (int i = 0; i < limit; i++) {
            String base = i < limit / 2 ? first : second;
            HttpResponse<String> response = send(base, "GET", "/v1/headlines", null, null, "X-Forwarded-For", address);
            if (response.statusCode() == 200) {
                passed++;
            } else if (response.statusCode() == 429) {
                refused++;
            } else {
                failures.add("rate limit run: status " + response.statusCode());
            }
            String remaining = response.headers().firstValue("RateLimit").orElse("");
            if (i == limit / 2 - 1) {
                lastOnA = remaining;
            } else if (i == limit / 2) {
                firstOnB = remaining;
            }
        }
        // Over the limit now, on either replica.
        for (String base : List.of(first, second)) {
            HttpResponse<String> response = send(base, "GET", "/v1/headlines", null, null, "X-Forwarded-For", address);
            if (response.statusCode() != 429) {
                failures.add("after " + limit + " requests split over both replicas, " + base + " answered "
                        + response.statusCode() + " instead of 429");
            } else if (response.headers().firstValue("Retry-After").isEmpty()) {
                failures.add("429 without Retry-After from " + base);
            }
        }
        if (refused > 1) {
            failures.add(refused + " of the first " + limit + " requests were refused");
        }
        System.out.printf("rate limits: %d passed, %d refused of %d; last on A %s, first on B %s%n",
                passed, refused, limit, lastOnA, firstOnB);
    }

    private void imagesUploadedToOneAreServedByTheOther() throws Exception {
        byte[] picture = tinyPng();
        HttpResponse<String> uploaded = upload(first, picture, "dot.png", "image/png");
        expect(uploaded, 201, "upload on A");
        String id = json(uploaded).path("id").asText();
        HttpResponse<byte[]> content = http.send(HttpRequest.newBuilder(URI.create(second + "/v1/images/" + id + "/content")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (content.statusCode() != 200 || !Arrays.equals(content.body(), picture)) {
            failures.add("B did not serve the original uploaded to A (status " + content.statusCode() + ")");
        }
        System.out.println("images: read on B an original uploaded to A");
    }

    /** An anonymous read from an address of its own, so that these reads never meet the rate limit. */
    private HttpResponse<String> read(String base, String path) throws IOException, InterruptedException {
        return send(base, "GET", path, null, null, "X-Forwarded-For", "172.16." + reads / 250 % 250 + "." + reads++ % 250);
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

    private double cacheHits(String base) throws IOException, InterruptedException {
        String metrics = send(base, "GET", "/q/metrics", null, null).body();
        java.util.regex.Matcher hit = java.util.regex.Pattern
                .compile("(?m)^lede_response_cache_total\\{[^}]*result=\"hit\"[^}]*} (\\S+)$").matcher(metrics);
        return hit.find() ? Double.parseDouble(hit.group(1)) : 0;
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

    private HttpResponse<String> upload(String base, byte[] file, String fileName, String type)
            throws IOException, InterruptedException {
        String boundary = "lede-replicas-" + System.nanoTime();
        HttpRequest upload = HttpRequest.newBuilder(URI.create(base + "/v1/images"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, file, fileName, type))).build();
        return http.send(upload, HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] multipart(String boundary, byte[] file, String fileName, String type) {
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"caption\"\r\n\r\nShared by replicas\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"credit\"\r\n\r\nLede/Replica Desk\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: " + type + "\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        byte[] start = head.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] end = tail.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] all = new byte[start.length + file.length + end.length];
        System.arraycopy(start, 0, all, 0, start.length);
        System.arraycopy(file, 0, all, start.length, file.length);
        System.arraycopy(end, 0, all, start.length + file.length, end.length);
        return all;
    }

    /** A real 8x8 PNG, drawn here. */
    private static byte[] tinyPng() throws IOException {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 8; x++) {
            for (int y = 0; y < 8; y++) {
                image.setRGB(x, y, (x * 32) << 16 | (y * 32) << 8 | 0x80);
            }
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
