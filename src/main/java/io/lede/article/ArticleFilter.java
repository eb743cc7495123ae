package io.lede.article;

import java.util.Set;
import java.util.UUID;

import io.lede.paging.TimeListQuery;

/**
 * What an article list asks for. {@code statuses} is {@code PUBLISHED} unless an editor asked for
 * others; {@code entity} keeps articles about, mentioning or made by an entity; {@code list} holds
 * what every time-ordered list shares.
 */
public record ArticleFilter(Set<ArticleStatus> statuses, String section, String tag, UUID entity, TimeListQuery list) {

    public ArticleFilter(Set<ArticleStatus> statuses, String section, String tag, TimeListQuery list) {
        this(statuses, section, tag, null, list);
    }

    public boolean onlyPublished() {
        return statuses.equals(Set.of(ArticleStatus.PUBLISHED));
    }
}
