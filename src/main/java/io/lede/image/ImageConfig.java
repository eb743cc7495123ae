package io.lede.image;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The {@code lede.images.*} settings. Each default is written here once; the rendition presets,
 * a map, have theirs in application.properties. Production values come from {@code LEDE_IMAGES_*}.
 */
@ConfigMapping(prefix = "lede.images")
public interface ImageConfig {

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
        Optional<URI> endpoint();

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

    /** Largest upload accepted, in bytes; larger is 413 (a declared larger body is refused before it is read). */
    @WithDefault("20971520")
    long maxBytes();

    /** Most pixels an upload may have, read from its header before decoding; more is 413. */
    @WithDefault("50000000")
    long maxPixels();

    /**
     * Rendition presets listed in image metadata: name to width in pixels
     * ({@code lede.images.renditions.thumb=320}); the defaults are in application.properties.
     */
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
