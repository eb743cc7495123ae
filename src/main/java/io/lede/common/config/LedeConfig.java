package io.lede.common.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Every {@code lede.*} setting in one typed place. Production values come from {@code LEDE_*}
 * environment variables; {@code %dev}/{@code %test} in application.properties only override.
 */
@ConfigMapping(prefix = "lede")
public interface LedeConfig {

    /** Base URL of the publisher's website; an article's canonical {@code url} is this + section + slug. */
    @WithDefault("https://news.example.com")
    String siteUrl();

    /** The first admin token. Unset in production unless configured; dev mode sets a documented default. */
    Optional<String> bootstrapAdminToken();

    /** Largest request body accepted on JSON endpoints, in bytes; larger ones get 413. */
    @WithDefault("1048576")
    long maxBodyBytes();

    /** How often scheduled articles are checked and published when their time has come. */
    @WithDefault("10s")
    Duration publishCheckInterval();

    Cache cache();

    interface Cache {
        /** {@code max-age} of published content. */
        @WithDefault("60s")
        Duration maxAge();

        /** {@code stale-while-revalidate} of published content. */
        @WithDefault("600s")
        Duration staleWhileRevalidate();
    }
}
