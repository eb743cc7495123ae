package io.lede.paging;

import java.time.Instant;

/**
 * What every time-ordered list request asks for, parsed and checked: language, search, time
 * window, order, page size, whether to count, and where the previous page ended.
 */
public record TimeListQuery(
        String language,
        String q,
        Instant from,
        Instant to,
        TimeOrder order,
        int limit,
        boolean count,
        Cursor after) {
}
