package io.lede.security;

import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/**
 * The limits of docs/security.md: per client address for anonymous reads, per token for readers, and for
 * failed authentications per address. Editors and admins are not limited.
 *
 * <p>With {@code lede.rate-limit.store=redis} the anonymous and reader buckets live in Redis and
 * hold across replicas; if Redis does not answer, each replica falls back to its own buckets
 * rather than refusing or waving everyone through. Failed authentications are always counted
 * per replica.
 */
@ApplicationScoped
public class RateLimits {

    static final String ANONYMOUS = "anonymous";
    static final String READER = "reader";

    private final SecurityConfig config;
    private final KeyedRateLimiter anonymous;
    private final KeyedRateLimiter readers;
    private final KeyedRateLimiter failedAuthentications;
    private final Instance<RedisBuckets> redis;
    private final boolean shared;
    private final AtomicBoolean redisDown = new AtomicBoolean();

    public RateLimits(SecurityConfig config, Instance<RedisBuckets> redis) {
        this.config = config;
        SecurityConfig.RateLimit limits = config.rateLimit();
        this.anonymous = new KeyedRateLimiter(limits.anonymousPerMinute(), limits.maxClients());
        this.readers = new KeyedRateLimiter(limits.readerPerMinute(), limits.maxClients());
        this.failedAuthentications = new KeyedRateLimiter(limits.failedAuthPerMinute(), limits.maxClients());
        this.redis = redis;
        this.shared = limits.store() == SecurityConfig.RateLimit.Store.REDIS;
    }

    /** Whether buckets are shared by the replicas (Redis), so the answer may take a round trip. */
    public boolean shared() {
        return shared;
    }

    public Uni<KeyedRateLimiter.Decision> anonymous(HttpServerRequest request) {
        String address = clientAddress(request);
        return take(ANONYMOUS + ":" + address, anonymous, address, config.rateLimit().anonymousPerMinute());
    }

    /** The anonymous limit from this replica's own buckets: for requests that cannot wait for Redis. */
    public KeyedRateLimiter.Decision anonymousHere(HttpServerRequest request) {
        return anonymous.take(clientAddress(request), System.nanoTime());
    }

    /** The reader limit from this replica's own buckets: for requests that cannot wait for Redis. */
    public KeyedRateLimiter.Decision readerHere(String tokenKey) {
        return readers.take(tokenKey, System.nanoTime());
    }

    public Uni<KeyedRateLimiter.Decision> reader(String tokenKey) {
        return take(READER + ":" + tokenKey, readers, tokenKey, config.rateLimit().readerPerMinute());
    }

    private Uni<KeyedRateLimiter.Decision> take(String sharedKey, KeyedRateLimiter local, String localKey, int perMinute) {
        if (!shared) {
            return Uni.createFrom().item(local.take(localKey, System.nanoTime()));
        }
        return redis.get().take(sharedKey, perMinute)
                .invoke(() -> {
                    if (redisDown.compareAndSet(true, false)) {
                        Log.info("Redis answers again: rate limits are shared by the replicas");
                    }
                })
                .onFailure().recoverWithItem(failure -> {
                    if (redisDown.compareAndSet(false, true)) {
                        Log.warnf("Redis does not answer (%s): rate limits are per replica until it does", failure.getMessage());
                    }
                    return local.take(localKey, System.nanoTime());
                });
    }

    public void failedAuthentication(HttpServerRequest request) {
        failedAuthentications.record(clientAddress(request), System.nanoTime());
    }

    public boolean tooManyFailedAuthentications(HttpServerRequest request) {
        return failedAuthentications.exhausted(clientAddress(request), System.nanoTime());
    }

    public int trackedAnonymousClients() {
        return anonymous.size();
    }

    /** The caller's address: the first X-Forwarded-For hop only when a trusted proxy sets it. */
    public String clientAddress(HttpServerRequest request) {
        if (config.trustProxy()) {
            String forwarded = request.getHeader("X-Forwarded-For");
            if (forwarded != null && !forwarded.isBlank()) {
                return forwarded.split(",")[0].trim();
            }
        }
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().host();
    }
}
