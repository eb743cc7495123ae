package io.lede.common.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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

    /**
     * Prefix for the URLs Lede puts in responses ({@code contentUrl}, renditions). Empty: relative
     * URLs such as {@code /v1/images/{id}/content}, right behind any proxy.
     */
    Optional<String> publicUrl();

    Cache cache();

    ResponseCache responseCache();

    Replicas replicas();

    interface Replicas {
        /**
         * On PostgreSQL, tell other replicas of every committed write (NOTIFY) and listen for
         * theirs, so that none serves a cached response older than a write made elsewhere.
         */
        @WithDefault("true")
        boolean notifyChanges();
    }

    interface ResponseCache {
        /** Keep published responses in memory and answer anonymous reads from them (see io.lede.cache). */
        @WithDefault("true")
        boolean enabled();

        /** Memory budget of the response cache, bodies and keys, in bytes. */
        @WithDefault("33554432")
        long maxBytes();
    }

    Purge purge();

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

    Sync sync();

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

    interface Sync {
        /** How long tombstones are kept; a sync token older than this gets 410 and the client starts over. */
        @WithDefault("30d")
        Duration tombstoneRetention();
    }

    Images images();

    interface Images {
        /** Where original files live: {@code local} (the directory {@code lede.images.dir}) or {@code s3}. */
        @WithDefault("local")
        StoreKind store();

        /** The S3-compatible object store, when {@code lede.images.store=s3}. */
        S3 s3();

        enum StoreKind {
            LOCAL,
            S3
        }

        interface S3 {
            /** Endpoint of an S3-compatible store (MinIO, Ceph, s3proxy...); unset: AWS S3 for the region. */
            Optional<java.net.URI> endpoint();

            @WithDefault("us-east-1")
            String region();

            /** The bucket originals go to. */
            @WithDefault("lede-images")
            String bucket();

            /** Create the bucket at start-up when it is missing (handy for compose and dev; production buckets are provisioned). */
            @WithDefault("false")
            boolean createBucket();

            /** Prefix before every key, so that one bucket can serve several Lede instances. */
            Optional<String> prefix();

            /** Path-style URLs ({@code endpoint/bucket/key}), which most S3-compatible stores want. */
            @WithDefault("true")
            boolean pathStyle();

            /** Access key; unset: the AWS default chain (environment, profile, instance role). */
            Optional<String> accessKeyId();

            Optional<String> secretAccessKey();
        }

        /** Where the local image store keeps original files. */
        @WithDefault("data/images")
        String dir();

        /** Where generated renditions are cached. */
        @WithDefault("data/renditions")
        String cacheDir();

        /** Disk budget of the rendition cache; the least recently used renditions go first. */
        @WithDefault("536870912")
        long cacheBytes();

        /** Largest upload accepted, in bytes; larger is 413. */
        @WithDefault("20971520")
        long maxBytes();

        /** Most pixels an upload may have, read from its header before decoding; more is 413. */
        @WithDefault("50000000")
        long maxPixels();

        /** Rendition presets listed in image metadata: name to width in pixels ({@code lede.images.renditions.thumb=320}). */
        Map<String, Integer> renditions();

        /**
         * The widths renditions come in: a requested {@code w} is rounded up to the next one (above the
         * largest: the largest), so that clients cannot ask for unboundedly many distinct renditions.
         */
        @WithDefault("160,320,480,640,800,1024,1280,1600,2048")
        List<Integer> widths();

        /** Renditions generated at the same time; each holds a decoded picture in memory and a core busy. */
        @WithDefault("2")
        int maxConcurrentRenditions();

        /** How long a new rendition waits for one of those slots before it is answered 503 with Retry-After. */
        @WithDefault("1s")
        Duration renditionWait();
    }

    interface Cache {
        /** {@code max-age} of published content. */
        @WithDefault("60s")
        Duration maxAge();

        /** {@code stale-while-revalidate} of published content. */
        @WithDefault("600s")
        Duration staleWhileRevalidate();
    }
}
