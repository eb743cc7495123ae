package io.lede.live.stream;

import java.util.UUID;

/**
 * The names of event streams. Each has its own increasing event ids: one per article (its id),
 * and {@link #SITE}, the site-wide stream of public changes.
 */
public final class Streams {

    public static final String SITE = "site";

    private Streams() {
    }

    public static String article(UUID articleId) {
        return articleId.toString();
    }
}
