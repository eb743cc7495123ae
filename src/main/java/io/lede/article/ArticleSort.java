package io.lede.article;

import java.util.Locale;

/** List orders: by publication time either way, or by search relevance (needs {@code q}). */
public enum ArticleSort {
    NEWEST,
    OLDEST,
    RELEVANCE;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
