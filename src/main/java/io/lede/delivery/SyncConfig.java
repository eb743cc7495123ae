package io.lede.delivery;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The {@code lede.sync.*} settings. */
@ConfigMapping(prefix = "lede.sync")
public interface SyncConfig {

    /** How long tombstones are kept; a sync token older than this gets 410 and the client starts over. */
    @WithDefault("30d")
    Duration tombstoneRetention();
}
