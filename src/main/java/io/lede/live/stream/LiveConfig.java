package io.lede.live.stream;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The {@code lede.live.*} settings of the event streams. */
@ConfigMapping(prefix = "lede.live")
public interface LiveConfig {

    /** How often an idle stream gets a comment line, so that proxies do not close it (at most 15 s). */
    @WithDefault("10s")
    Duration heartbeat();

    /** Events kept for Last-Event-ID replay: at least this many of each stream... */
    @WithDefault("1000")
    int replayEvents();

    /** ...and every event younger than this. Older and beyond the count, a reconnecting client gets a reset event. */
    @WithDefault("24h")
    Duration replayAge();

    /** How long a client waits before it reconnects (the stream's {@code retry:} field). */
    @WithDefault("3s")
    Duration retry();

    /**
     * How long a client may take nothing while events wait for it (its connection does not drain):
     * then it is disconnected, and its reconnection with Last-Event-ID replays what it missed from
     * the database. Nothing is queued for a client meanwhile: delivery follows its demand.
     */
    @WithDefault("30s")
    Duration stallTimeout();
}
