package io.lede.paging;

import java.util.Locale;

/** List orders by a time (newest or oldest first), or by search relevance (needs {@code q}). */
public enum TimeOrder {
    NEWEST,
    OLDEST,
    RELEVANCE;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
