package io.lede.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.lede.PackagedJar;

/**
 * The packaged jar on PostgreSQL with a real receiver on loopback: messages pending when the jar is
 * killed are delivered after it restarts, and two replicas sharing the database deliver each
 * message once per attempt (their retries claimed with FOR UPDATE SKIP LOCKED).
 */
class WebhookDeliveryIT {

    private static final String TOKEN = "webhook-it-admin-token";
    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void shouldDeliverWhatWasPendingWhenTheJarWasKilled() throws Exception {
        Path work = PackagedJar.workDirectory("webhooks-crash");
        String database = PackagedJar.freshDatabase("webhooks_crash");
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            receiver.answer(repeat(500, 1000));
            List<String> articles = new ArrayList<>();
            String secret;
            try (PackagedJar jar = replica("crash-1", work, database)) {
                secret = register(jar, receiver.url());
                for (int i = 0; i < 5; i++) {
                    articles.add(createArticle(jar, "Pending story " + i));
                }
                await(() -> articles.stream().allMatch(id -> !receiver.about(id).isEmpty()), "a failed first attempt of each");
                jar.kill();
            }
            receiver.clearAnswers();
            int before = receiver.received().size();
            try (PackagedJar restarted = replica("crash-2", work, database)) {
                await(() -> articles.stream().allMatch(id -> receiver.about(id).size() >= 2), "each delivered after the restart");
            }
            assertTrue(receiver.received().size() > before);
            for (String id : articles) {
                List<WebhookReceiver.Received> got = receiver.about(id);
                assertEquals(1, got.stream().map(r -> r.header("webhook-id")).distinct().count(), "one message, one id");
                for (WebhookReceiver.Received delivery : got) {
                    delivery.verify(secret);
                }
            }
        }
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void shouldDeliverEachMessageOncePerAttemptFromTwoReplicas() throws Exception {
        Path work = PackagedJar.workDirectory("webhooks-replicas");
        String database = PackagedJar.freshDatabase("webhooks_replicas");
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            // Every message's first attempt fails, so both replicas' pollers compete for its retry.
            Set<String> seen = ConcurrentHashMap.newKeySet();
            receiver.answerBy(id -> seen.add(id) ? 500 : 204);
            try (PackagedJar first = replica("replica-a", work, database);
                    PackagedJar second = replica("replica-b", work, database)) {
                String secret = register(first, receiver.url());
                List<String> articles = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    articles.add(createArticle(i % 2 == 0 ? first : second, "Replicated story " + i));
                }
                await(() -> articles.stream().allMatch(id -> receiver.about(id).size() >= 2), "each retried once and delivered");
                Thread.sleep(3000);
                for (String id : articles) {
                    List<WebhookReceiver.Received> got = receiver.about(id);
                    assertEquals(2, got.size(), "one failed attempt and one delivery, never a duplicate: " + id);
                    assertEquals(1, got.stream().map(r -> r.header("webhook-id")).distinct().count());
                    for (WebhookReceiver.Received delivery : got) {
                        delivery.verify(secret);
                    }
                }
                assertEquals(40, receiver.received().size(), "twenty messages, two attempts each");
            }
        }
    }

    private static PackagedJar replica(String name, Path work, String database) {
        return PackagedJar.start(name, work, new PackagedJar.Options()
                .database(database)
                .set("lede.bootstrap-admin-token", TOKEN)
                .set("lede.webhooks.secret-key", KEY)
                .set("lede.webhooks.allow-private-targets", true)
                .set("lede.webhooks.retry-schedule", "1s,1s,1s,1s,1s,1s,1s,1s")
                .set("lede.webhooks.poll-interval", "100ms")
                .set("lede.images.dir", work.resolve("images").toAbsolutePath())
                .set("lede.images.cache-dir", work.resolve("renditions-" + name).toAbsolutePath()));
    }

    private static String register(PackagedJar jar, String url) throws Exception {
        JsonNode created = post(jar, "/v1/admin/webhooks", Map.of("url", url, "events", List.of("article.published")), 201);
        return created.path("secret").asText();
    }

    private static String createArticle(PackagedJar jar, String headline) throws Exception {
        Map<String, Object> body = Map.of("headline", headline, "standfirst", "About " + headline, "section", "world",
                "language", "en", "status", "published", "body", List.of(Map.of("type", "paragraph", "text", headline + ".")));
        return post(jar, "/v1/articles", body, 201).path("id").asText();
    }

    private static JsonNode post(PackagedJar jar, String path, Object body, int expected) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(jar.url() + path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(expected, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    private static Integer[] repeat(int status, int times) {
        Integer[] statuses = new Integer[times];
        java.util.Arrays.fill(statuses, status);
        return statuses;
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            Thread.sleep(100);
        }
    }
}
