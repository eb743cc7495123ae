package io.lede.scale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.lede.PackagedJar;
import io.lede.image.S3ProxyResource;

/**
 * Two packaged jars on two ports sharing one PostgreSQL database, the local Redis (rate limits)
 * and one S3-compatible store (s3proxy, image originals): {@link TwoReplicaCheck}. Skipped where
 * no Redis answers on 127.0.0.1:6379, unless LEDE_REQUIRE_REDIS=1 (CI) makes that a failure.
 */
class TwoReplicasIT {

    private static final String TOKEN = "replica-admin-token";
    private static final int ANONYMOUS_LIMIT = 30;
    /** Production logs are JSON lines carrying the request id the caller sent. */
    private static final Pattern REQUEST_ID_LINE = Pattern.compile("^\\{.*\"requestId\":\"" + TwoReplicaCheck.REQUEST_ID + "\"");

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void shouldServeFromEitherReplicaWhatTheOtherWrote() throws Exception {
        assumeTrue(redisAnswers() || "1".equals(System.getenv("LEDE_REQUIRE_REDIS")), "no Redis on 127.0.0.1:6379");
        Path work = PackagedJar.workDirectory("replicas");
        String database = PackagedJar.freshDatabase("replicas");
        S3ProxyResource s3 = new S3ProxyResource();
        Map<String, String> store = s3.start();
        try (PackagedJar first = replica("replica-a", work, database, store);
                // One at a time: the first one migrates the schema.
                PackagedJar second = replica("replica-b", work, database, store)) {
            TwoReplicaCheck check = new TwoReplicaCheck(first.url(), second.url(), TOKEN);
            check.run(ANONYMOUS_LIMIT);
            assertEquals(List.of(), check.failures(), () -> first.tail() + "\n" + second.tail());

            // Live coverage across replicas, read by the npm EventSource: streams on B, writes on A.
            if (EventSourceCheck.available() || "1".equals(System.getenv("LEDE_REQUIRE_NODE"))) {
                assertEquals(List.of(), EventSourceCheck.run(first.url(), second.url(), TOKEN), () -> first.tail() + "\n" + second.tail());
            }

            // An open event stream must not hold B's stop for the whole shutdown timeout: it ends first.
            CompletableFuture<HttpResponse<String>> stream = HttpClient.newHttpClient().sendAsync(
                    HttpRequest.newBuilder(URI.create(second.url() + "/v1/events")).header("Accept", "text/event-stream")
                            .header("X-Forwarded-For", "203.0.113.78").build(),
                    HttpResponse.BodyHandlers.ofString());
            Thread.sleep(300);
            check.aRequestInFlightIsAnsweredWhileTheSecondStops(second::terminate);
            assertEquals(List.of(), check.failures(), second::tail);
            HttpResponse<String> ended = stream.get(15, TimeUnit.SECONDS);
            assertTrue(ended.body().startsWith(":lede site"), ended::body);
            second.close();
            assertFalse(second.logText().contains("Timed out waiting for graceful shutdown"), second::tail);

            assertTrue(!first.logLines(REQUEST_ID_LINE).isEmpty(),
                    () -> "replica A's log has no JSON line with the check's request id\n" + first.tail());
        } finally {
            s3.stop();
        }
    }

    private static PackagedJar replica(String name, Path work, String database, Map<String, String> store) {
        return PackagedJar.start(name, work, new PackagedJar.Options()
                .database(database)
                .set("lede.bootstrap-admin-token", TOKEN)
                .set("lede.trust-proxy", true)
                .set("lede.rate-limit.store", "redis")
                .set("lede.rate-limit.anonymous-per-minute", ANONYMOUS_LIMIT)
                // Heartbeats the stream check can wait for.
                .set("lede.live.heartbeat", "1s")
                .setAll(store)
                .set("lede.images.cache-dir", work.resolve("renditions-" + name).toAbsolutePath()));
    }

    private static boolean redisAnswers() {
        try (Socket socket = new Socket("127.0.0.1", 6379)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
