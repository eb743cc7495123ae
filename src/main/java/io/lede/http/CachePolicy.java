package io.lede.http;

/**
 * How shared caches may keep a response: published content read anonymously is public; anything
 * with a draft in it is private and never stored. Published content read with a token is a
 * private copy: private to its caller as far as HTTP caches go, yet the very bytes anonymous
 * readers get, so Lede's own response cache may keep it for them and answer partners from it.
 */
public enum CachePolicy {
    PUBLIC,
    PRIVATE_COPY,
    PRIVATE;

    /**
     * Set on a private copy by {@link Representations} for the response cache only, with the
     * Cache-Control an anonymous reader would get; removed before the response leaves.
     */
    public static final String SHAREABLE_HEADER = "X-Lede-Shareable";

    public static CachePolicy of(boolean authenticated, boolean onlyPublished) {
        if (!onlyPublished) {
            return PRIVATE;
        }
        return authenticated ? PRIVATE_COPY : PUBLIC;
    }
}
