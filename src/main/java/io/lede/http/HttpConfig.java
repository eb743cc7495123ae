package io.lede.http;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The {@code lede.*} settings of the HTTP layer: the URLs in responses, Cache-Control of published content. */
@ConfigMapping(prefix = "lede")
public interface HttpConfig {

    /**
     * Prefix for the URLs Lede puts in responses ({@code contentUrl}, renditions, feed links). Empty:
     * relative URLs such as {@code /v1/images/{id}/content}, right behind any proxy.
     */
    Optional<String> publicUrl();

    Cache cache();

    /** {@code Cache-Control} of published content. */
    interface Cache {
        /** {@code max-age} of published content. */
        @WithDefault("60s")
        Duration maxAge();

        /** {@code stale-while-revalidate} of published content. */
        @WithDefault("600s")
        Duration staleWhileRevalidate();
    }
}
