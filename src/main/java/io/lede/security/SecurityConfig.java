package io.lede.security;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The {@code lede.*} settings of tokens and rate limits. */
@ConfigMapping(prefix = "lede")
public interface SecurityConfig {

    /** The first admin token. Unset in production unless configured; dev mode sets a documented default. */
    Optional<String> bootstrapAdminToken();

    /** Trust X-Forwarded-For for the client's address (only behind a proxy that sets it). */
    @WithDefault("false")
    boolean trustProxy();

    RateLimit rateLimit();

    interface RateLimit {
        /** Requests a minute for each client address without a token. */
        @WithDefault("300")
        int anonymousPerMinute();

        /** Requests a minute for each reader (partner) token. */
        @WithDefault("1200")
        int readerPerMinute();

        /** Failed authentications a minute from one address before it is refused for a while. */
        @WithDefault("20")
        int failedAuthPerMinute();

        /** Where buckets live: {@code local} (each replica its own) or {@code redis} (shared; quarkus.redis.hosts). */
        @WithDefault("local")
        Store store();

        enum Store {
            LOCAL,
            REDIS
        }

        /** Most clients tracked at once; beyond it the longest idle are forgotten, so memory stays bounded. */
        @WithDefault("50000")
        int maxClients();
    }
}
