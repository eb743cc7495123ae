package io.lede.security;

import static io.lede.TestApi.ADMIN;
import static io.lede.TestApi.issueToken;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import io.lede.EdgeProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * Low limits, a trusted proxy, so that each test can be its own client address. The buckets are
 * in Redis where one answers (CI), else each replica's own: the answers are the same. Addresses
 * are new on every run, since Redis keeps buckets between runs.
 */
@QuarkusTest
@TestProfile(EdgeProfile.class)
class RateLimitTest {

    /** In 198.18.0.0/15 (for tests), a third octet of its own for each run. */
    private static final String NETWORK = "198.18." + ThreadLocalRandom.current().nextInt(256) + ".";

    private static String address(int last) {
        return NETWORK + last;
    }

    @Test
    void shouldLimitAnonymousReadsPerAddressWith429AndRetryAfter() {
        for (int i = 0; i < 5; i++) {
            given().header("X-Forwarded-For", address(7)).get("/v1/articles")
                    .then().statusCode(200)
                    .header("RateLimit-Policy", "\"anonymous\";q=5;w=60")
                    .header("RateLimit", containsString("r=" + (4 - i)));
        }
        Response refused = given().header("X-Forwarded-For", address(7)).get("/v1/articles");
        refused.then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .header("RateLimit", containsString("r=0"))
                .body("status", equalTo(429));
        assertTrue(Integer.parseInt(refused.header("Retry-After")) >= 1);
        // Another address has its own allowance.
        given().header("X-Forwarded-For", address(8)).get("/v1/articles").then().statusCode(200);
    }

    @Test
    void shouldLimitReadersPerTokenAndNotEditors() {
        String reader = issueToken("limited partner", "reader");
        for (int i = 0; i < 8; i++) {
            given().auth().oauth2(reader).header("X-Forwarded-For", address(10 + i)).get("/v1/headlines")
                    .then().statusCode(200).header("RateLimit-Policy", "\"reader\";q=8;w=60");
        }
        given().auth().oauth2(reader).header("X-Forwarded-For", address(99)).get("/v1/headlines")
                .then().statusCode(429).header("Retry-After", notNullValue());

        String editor = issueToken("busy desk", "editor");
        for (int i = 0; i < 20; i++) {
            given().auth().oauth2(editor).header("X-Forwarded-For", address(50)).get("/v1/articles")
                    .then().statusCode(200);
        }
    }

    @Test
    void shouldCountPartnerReadsTheCacheAnswers() {
        String reader = issueToken("cached partner", "reader");
        // Cached by an anonymous read first: every partner read below is answered from memory.
        given().header("X-Forwarded-For", address(200)).get("/v1/sections").then().statusCode(200);
        for (int i = 0; i < 8; i++) {
            given().header("X-Api-Key", reader).get("/v1/sections")
                    .then().statusCode(200).header("X-Cache", "hit")
                    .header("RateLimit", startsWith("\"reader\";r=" + (7 - i) + ";"));
        }
        given().header("X-Api-Key", reader).get("/v1/sections")
                .then().statusCode(429).header("Retry-After", notNullValue()).header("X-Cache", nullValue());
    }

    @Test
    void shouldRefuseGuessesFromAnAddressThatKeepsFailingButNeverAValidToken() {
        String guesser = address(66);
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2("lede_guess" + i).header("X-Forwarded-For", guesser).get("/v1/articles")
                    .then().statusCode(401);
        }
        for (int i = 0; i < 20; i++) {
            given().auth().oauth2("lede_more" + i).header("X-Forwarded-For", guesser).get("/v1/articles")
                    .then().statusCode(429).header("Retry-After", "60").contentType("application/problem+json");
        }
        // Everyone else behind that address (one proxy, one office) keeps working.
        given().auth().oauth2(ADMIN).header("X-Forwarded-For", guesser).get("/v1/admin/tokens")
                .then().statusCode(200);
        given().header("X-Api-Key", ADMIN).header("X-Forwarded-For", guesser).get("/v1/admin/tokens")
                .then().statusCode(200);
        given().auth().oauth2("lede_guess_other").header("X-Forwarded-For", address(67)).get("/v1/articles")
                .then().statusCode(401);
    }

    @Test
    void shouldKeepLimiterMemoryBoundedWhateverTheNumberOfAddresses() {
        KeyedRateLimiter limiter = new KeyedRateLimiter(5, 10_000);
        long now = System.nanoTime();
        for (int i = 0; i < 100_000; i++) {
            limiter.take("10." + (i >> 16) + "." + ((i >> 8) & 0xff) + "." + (i & 0xff), now + i);
        }
        assertEquals(10_000, limiter.size());
        // The most recent clients are the ones kept: the last one still has its bucket.
        assertEquals(3, limiter.take("10.1.134.159", now + 200_000).remaining());
    }
}
