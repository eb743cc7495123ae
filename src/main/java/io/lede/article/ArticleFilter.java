package io.lede.article;

import java.util.Set;

import io.lede.paging.TimeListQuery;

/**
 * What an article list asks for. {@code statuses} is {@code PUBLISHED} unless an editor asked for
 * others; {@code list} holds what every time-ordered list shares.
 */
public record ArticleFilter(Set<ArticleStatus> statuses, String section, String tag, TimeListQuery list) {

    public boolean onlyPublished() {
        return statuses.equals(Set.of(ArticleStatus.PUBLISHED));
    }
}
