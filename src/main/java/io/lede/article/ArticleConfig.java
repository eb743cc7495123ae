package io.lede.article;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The {@code lede.*} settings of articles. */
@ConfigMapping(prefix = "lede")
public interface ArticleConfig {

    /** Base URL of the publisher's website; an article's canonical {@code url} is this + section + slug. */
    @WithDefault("https://news.example.com")
    String siteUrl();

    /** How often scheduled articles are checked and published when their time has come. */
    @WithDefault("10s")
    Duration publishCheckInterval();
}
