package io.lede.security;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;

/**
 * Token buckets in Redis, shared by every replica: the same continuous refill as
 * {@link KeyedRateLimiter}, done atomically by a script on Redis' own clock, so replicas with
 * skewed clocks still agree. Idle buckets expire after two minutes.
 */
@ApplicationScoped
public class RedisBuckets {

    static final String KEY_PREFIX = "lede:rate:";
    /** A round trip slower than this counts as Redis being unavailable. */
    static final Duration TIMEOUT = Duration.ofMillis(500);

    private static final String TAKE = """
            local per = tonumber(ARGV[1])
            local clock = redis.call('TIME')
            local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
            local bucket = redis.call('HMGET', KEYS[1], 'tokens', 'at')
            local tokens = tonumber(bucket[1])
            local at = tonumber(bucket[2])
            if tokens == nil or at == nil then
              tokens = per
              at = now
            end
            tokens = math.min(per, tokens + math.max(0, now - at) * per / 60000)
            local allowed = 0
            if tokens >= 1 then
              tokens = tokens - 1
              allowed = 1
            end
            redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
            redis.call('PEXPIRE', KEYS[1], 120000)
            return {allowed, tostring(tokens)}
            """;

    private final ReactiveRedisDataSource redis;

    public RedisBuckets(ReactiveRedisDataSource redis) {
        this.redis = redis;
    }

    /** Takes one request from the bucket {@code key} holding {@code perMinute}. */
    public Uni<KeyedRateLimiter.Decision> take(String key, int perMinute) {
        return redis.execute("EVAL", TAKE, "1", KEY_PREFIX + key, Integer.toString(perMinute))
                .ifNoItem().after(TIMEOUT).fail()
                .map(reply -> KeyedRateLimiter.Decision.of(reply.get(0).toInteger() == 1, perMinute,
                        Double.parseDouble(reply.get(1).toString())));
    }
}
