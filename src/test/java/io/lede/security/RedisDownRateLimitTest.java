package io.lede.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** lede.rate-limit.store=redis with no Redis answering: each replica limits on its own, reads go on. */
@QuarkusTest
@TestProfile(RedisDownRateLimitTest.NoRedis.class)
class RedisDownRateLimitTest {

    public static class NoRedis implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "lede.rate-limit.store", "redis",
                    "quarkus.redis.hosts", "redis://127.0.0.1:1",
                    "lede.rate-limit.anonymous-per-minute", "3",
                    "lede.trust-proxy", "true");
        }
    }

    @Test
    void shouldFallBackToLocalBucketsWhenRedisDoesNotAnswer() {
        for (int i = 0; i < 3; i++) {
            given().header("X-Forwarded-For", "198.19.0.1").get("/v1/headlines")
                    .then().statusCode(200).header("RateLimit", containsString("r=" + (2 - i)));
        }
        given().header("X-Forwarded-For", "198.19.0.1").get("/v1/headlines").then().statusCode(429);
        given().header("X-Forwarded-For", "198.19.0.2").get("/v1/headlines").then().statusCode(200);
    }
}
