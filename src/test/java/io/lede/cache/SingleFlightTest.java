package io.lede.cache;

import static io.lede.TestApi.article;
import static io.lede.TestApi.create;
import static io.lede.TestApi.uniqueSection;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Concurrent misses of one entry: one render, the others wait for it (or go on alone if it fails). */
@QuarkusTest
class SingleFlightTest {

    static final int READERS = 8;

    @Test
    void shouldRenderConcurrentMissesOnce() throws Exception {
        String path = "/v1/articles/" + create(article(uniqueSection(), "Storm warning for the islands")).path("id");
        double joinedBefore = CacheMetrics.responses("joined");

        List<Response> responses = together(path, TestRenders.DELAY, "400");

        assertEquals(1, TestRenders.renders(path), "one render for " + READERS + " concurrent misses");
        String etag = responses.get(0).header("ETag");
        for (Response response : responses) {
            assertEquals(200, response.statusCode());
            assertEquals(etag, response.header("ETag"));
        }
        assertEquals(READERS - 1, responses.stream().filter(response -> "hit".equals(response.header("X-Cache"))).count());
        assertTrue(CacheMetrics.responses("joined") > joinedBefore, "some readers waited for the render");
    }

    @Test
    void shouldLetWaitersRenderThemselvesWhenTheFirstRenderFails() throws Exception {
        String path = "/v1/articles/" + create(article(uniqueSection(), "Bridge inspection finds cracks")).path("id");

        List<Response> responses = together(path, TestRenders.FAIL_FIRST, "1", TestRenders.DELAY, "300");

        assertEquals(1, responses.stream().filter(response -> response.statusCode() == 503).count());
        assertEquals(READERS - 1, responses.stream().filter(response -> response.statusCode() == 200).count());
    }

    @Test
    void shouldLetWaitersRenderThemselvesWhenTheFirstRenderTakesTooLong() throws Exception {
        String path = "/v1/articles/" + create(article(uniqueSection(), "Slow news day at the harbour")).path("id");
        long started = System.nanoTime();

        List<Response> responses = together(path, TestRenders.DELAY_FIRST, String.valueOf(ResponseCache.WAIT_MILLIS + 2000));

        responses.forEach(response -> assertEquals(200, response.statusCode()));
        // The slow first render is still going when the others give up waiting and render themselves.
        assertTrue(TestRenders.renders(path) > 1);
        long fastest = responses.stream().mapToLong(Response::time).min().orElseThrow();
        assertTrue(fastest < ResponseCache.WAIT_MILLIS + 1500, "waiters went on after the wait limit: " + fastest + " ms");
        assertTrue((System.nanoTime() - started) / 1_000_000 >= ResponseCache.WAIT_MILLIS);
    }

    /** READERS anonymous GETs of one path sent at the same moment, with these headers. */
    private static List<Response> together(String path, String... headers) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(READERS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Response>> pending = new ArrayList<>();
            for (int i = 0; i < READERS; i++) {
                pending.add(pool.submit(() -> {
                    start.await();
                    var request = given().header(TestRenders.COUNT, "1");
                    for (int h = 0; h < headers.length; h += 2) {
                        request.header(headers[h], headers[h + 1]);
                    }
                    return request.get(path);
                }));
            }
            start.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> response : pending) {
                responses.add(response.get());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }
}
