package io.lede.article;

import java.time.Instant;
import java.util.Set;

import io.lede.common.paging.Cursor;
import io.lede.common.paging.TimeOrder;

/**
 * What a list request asks for, parsed and checked. {@code statuses} is {@code PUBLISHED} unless an
 * editor asked for others; {@code after} is the decoded cursor of the previous page.
 */
public record ArticleFilter(
        Set<ArticleStatus> statuses,
        String section,
        String tag,
        String language,
        Instant from,
        Instant to,
        String q,
        TimeOrder sort,
        int limit,
        boolean count,
        Cursor after) {

    public boolean onlyPublished() {
        return statuses.equals(Set.of(ArticleStatus.PUBLISHED));
    }
}
