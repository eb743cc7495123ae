package io.lede.cache;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The {@code lede.*} settings of the response cache, the edge purge and the replicas' change notifications. */
@ConfigMapping(prefix = "lede")
public interface CacheConfig {

    ResponseCache responseCache();

    Purge purge();

    Replicas replicas();

    interface ResponseCache {
        /** Keep published responses in memory and answer anonymous reads from them. */
        @WithDefault("true")
        boolean enabled();

        /** Memory budget of the response cache, bodies and keys, in bytes. */
        @WithDefault("33554432")
        long maxBytes();
    }

    /**
     * Purging the edge (a CDN or Varnish in front) by surrogate key after every committed write.
     * Off unless targets are configured and it is enabled.
     */
    interface Purge {
        /** Send purges at all. */
        @WithDefault("false")
        boolean enabled();

        /** Where to send them: every edge node, e.g. {@code http://varnish:6081/}. */
        Optional<List<URI>> urls();

        /** The HTTP method of a purge request ({@code PURGE} for the shipped Varnish configuration). */
        @WithDefault("PURGE")
        String method();

        /** The request header carrying the space-separated keys; {@code all} stands for everything. */
        @WithDefault("xkey-purge")
        String header();

        /**
         * How long a write's response waits for the edge to confirm its purge; after that the
         * write is answered anyway and the failure logged.
         */
        @WithDefault("2s")
        Duration timeout();
    }

    interface Replicas {
        /**
         * On PostgreSQL, tell other replicas of every committed write (NOTIFY) and listen for
         * theirs, so that none serves a cached response older than a write made elsewhere.
         */
        @WithDefault("true")
        boolean notifyChanges();
    }
}
