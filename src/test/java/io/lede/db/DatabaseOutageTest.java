package io.lede.db;

import static io.lede.TestApi.ADMIN;
import static io.lede.TestApi.article;
import static io.lede.TestApi.uniqueSection;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * PostgreSQL stopped under load and started again, on a cluster this test made for itself: the
 * service says it is not ready, answers 503 with Retry-After quickly (never a 500, never a hung
 * request), keeps nothing of the writes it refused, and serves again without a restart. Runs in
 * the PostgreSQL pass, as root (Debian's cluster tools); skipped elsewhere, except in CI.
 */
@QuarkusTest
@Tag("outage")
@TestProfile(DatabaseOutageTest.OwnCluster.class)
@EnabledIfSystemProperty(named = "quarkus.test.profile", matches = ".*pg.*")
@EnabledIf("io.lede.db.PrivatePostgresCluster#available")
class DatabaseOutageTest {

    public static class OwnCluster implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(PrivatePostgresCluster.class));
        }
    }

    /** The pool waits 2 s for a connection; a refused request may take that plus a little. */
    static final long LONGEST_REFUSAL_MILLIS = 5_000;

    @Test
    void shouldRefuseWith503WhileTheDatabaseIsDownAndRecoverWithoutARestart() throws Exception {
        String section = uniqueSection();
        String id = given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(article(section, "Before the outage"))
                .post("/v1/articles").then().statusCode(201).extract().path("id");

        Set<Integer> statuses = ConcurrentHashMap.newKeySet();
        AtomicLong slowest = new AtomicLong();
        AtomicBoolean loading = new AtomicBoolean(true);
        ExecutorService load = Executors.newFixedThreadPool(4);
        for (int i = 0; i < 4; i++) {
            boolean anonymous = i % 2 == 0;
            load.submit(() -> {
                while (loading.get()) {
                    long started = System.nanoTime();
                    Response response = anonymous
                            ? given().get("/v1/articles/" + id)
                            : given().auth().oauth2(ADMIN).get("/v1/articles?section=" + section);
                    slowest.accumulateAndGet(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), Math::max);
                    statuses.add(response.statusCode());
                }
                return null;
            });
        }
        Thread.sleep(500);

        PrivatePostgresCluster.stopDatabase();
        awaitReadiness(503, "DOWN");
        given().auth().oauth2(ADMIN).get("/v1/articles/" + id)
                .then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", equalTo("5")).body("status", equalTo(503));
        given().get("/v1/articles/" + id).then().statusCode(503).header("Retry-After", equalTo("5"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(article(section, "Written during the outage"))
                .post("/v1/articles").then().statusCode(503).header("Retry-After", equalTo("5"));
        Thread.sleep(1000);

        PrivatePostgresCluster.startDatabase();
        awaitReadiness(200, "UP");
        loading.set(false);
        load.shutdown();
        assertTrue(load.awaitTermination(30, TimeUnit.SECONDS));

        assertTrue(statuses.stream().allMatch(status -> status == 200 || status == 503),
                "only 200 and 503 under load, got " + statuses);
        assertTrue(statuses.contains(503), "the load saw the outage: " + statuses);
        assertTrue(slowest.get() < LONGEST_REFUSAL_MILLIS, "the slowest request took " + slowest.get() + " ms");

        // Served again without a restart; the refused write left nothing behind.
        given().get("/v1/articles/" + id).then().statusCode(200).body("headline", equalTo("Before the outage"));
        List<String> headlines = given().auth().oauth2(ADMIN).get("/v1/articles?section=" + section)
                .then().statusCode(200).extract().path("items.headline");
        assertEquals(List.of("Before the outage"), headlines);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(article(section, "After the outage"))
                .post("/v1/articles").then().statusCode(201);
    }

    private static void awaitReadiness(int status, String state) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        int last = -1;
        while (System.nanoTime() < deadline) {
            Response ready = given().get("/q/health/ready");
            last = ready.statusCode();
            if (last == status && state.equals(ready.path("status"))) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("readiness did not become " + state + " within 30 s (last status " + last + ")");
    }

}
