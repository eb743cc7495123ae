package io.lede.common.http;

/**
 * How shared caches may keep a response: published content read anonymously is public; anything
 * with a draft in it, or read with a token, is private and never stored.
 */
public enum CachePolicy {
    PUBLIC,
    PRIVATE;

    public static CachePolicy of(boolean authenticated, boolean onlyPublished) {
        return !authenticated && onlyPublished ? PUBLIC : PRIVATE;
    }
}
