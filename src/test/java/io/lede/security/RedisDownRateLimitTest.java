package io.lede.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import java.net.ConnectException;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.lede.EdgeProfile;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.mutiny.Uni;

/** lede.rate-limit.store=redis with no Redis answering: each replica limits on its own, reads go on. */
@QuarkusTest
@TestProfile(EdgeProfile.class)
class RedisDownRateLimitTest {

    /** Redis as a replica sees it when nothing listens on its port. */
    static final class Unreachable extends RedisBuckets {
        Unreachable() {
            super(null);
        }

        @Override
        public Uni<KeyedRateLimiter.Decision> take(String key, int perMinute) {
            return Uni.createFrom().failure(new ConnectException("Connection refused: /127.0.0.1:6379"));
        }
    }

    @BeforeEach
    void redisGoesAway() {
        // For this test only: the next one gets the real Redis client again.
        QuarkusMock.installMockForType(new Unreachable(), RedisBuckets.class);
    }

    @Test
    void shouldFallBackToLocalBucketsWhenRedisDoesNotAnswer() {
        for (int i = 0; i < EdgeProfile.ANONYMOUS_PER_MINUTE; i++) {
            given().header("X-Forwarded-For", "198.19.0.1").get("/v1/headlines")
                    .then().statusCode(200).header("RateLimit", containsString("r=" + (EdgeProfile.ANONYMOUS_PER_MINUTE - 1 - i)));
        }
        given().header("X-Forwarded-For", "198.19.0.1").get("/v1/headlines").then().statusCode(429);
        given().header("X-Forwarded-For", "198.19.0.2").get("/v1/headlines").then().statusCode(200);
    }
}
