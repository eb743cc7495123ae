package io.lede.security;

import jakarta.enterprise.context.ApplicationScoped;

import io.lede.common.config.LedeConfig;
import io.vertx.core.http.HttpServerRequest;

/**
 * The limits API.md sets: per client address for anonymous reads, per token for readers, and for
 * failed authentications per address. Editors and admins are not limited.
 */
@ApplicationScoped
public class RateLimits {

    static final String ANONYMOUS = "anonymous";
    static final String READER = "reader";

    private final LedeConfig config;
    private final KeyedRateLimiter anonymous;
    private final KeyedRateLimiter readers;
    private final KeyedRateLimiter failedAuthentications;

    public RateLimits(LedeConfig config) {
        this.config = config;
        LedeConfig.RateLimit limits = config.rateLimit();
        this.anonymous = new KeyedRateLimiter(limits.anonymousPerMinute(), limits.maxClients());
        this.readers = new KeyedRateLimiter(limits.readerPerMinute(), limits.maxClients());
        this.failedAuthentications = new KeyedRateLimiter(limits.failedAuthPerMinute(), limits.maxClients());
    }

    public KeyedRateLimiter.Decision anonymous(HttpServerRequest request) {
        return anonymous.take(clientAddress(request), System.nanoTime());
    }

    public KeyedRateLimiter.Decision reader(String tokenKey) {
        return readers.take(tokenKey, System.nanoTime());
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
