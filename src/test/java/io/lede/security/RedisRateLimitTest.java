package io.lede.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.lede.EdgeProfile;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Buckets in the real Redis on 127.0.0.1:6379 (lede.rate-limit.store=redis). Skipped where no
 * Redis runs, unless LEDE_REQUIRE_REDIS=1 (CI) makes that a failure.
 */
@QuarkusTest
@TestProfile(EdgeProfile.class)
class RedisRateLimitTest {

    @Inject
    RedisDataSource redis;

    @Test
    void shouldKeepTheBucketInRedisAndRefuseOverTheLimit() {
        assumeTrue(redisAnswers() || "1".equals(System.getenv("LEDE_REQUIRE_REDIS")), "no Redis on 127.0.0.1:6379");
        String address = "198.18." + (UUID.randomUUID().hashCode() & 0xff) + ".9";
        for (int i = 0; i < 5; i++) {
            given().header("X-Forwarded-For", address).get("/v1/headlines")
                    .then().statusCode(200).header("RateLimit", containsString("r=" + (4 - i)));
        }
        given().header("X-Forwarded-For", address).get("/v1/headlines")
                .then().statusCode(429).header("Retry-After", notNullValue()).contentType("application/problem+json");

        String key = RedisBuckets.KEY_PREFIX + RateLimits.ANONYMOUS + ":" + address;
        assertTrue(redis.key().exists(key), "the bucket lives in Redis under " + key);
        long ttl = redis.key().pttl(key);
        assertTrue(ttl > 0 && ttl <= Duration.ofMinutes(2).toMillis(), "idle buckets expire: " + ttl);
    }

    private static boolean redisAnswers() {
        try (Socket socket = new Socket("127.0.0.1", 6379)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
