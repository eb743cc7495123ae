package io.lede.paging;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One page of a list: {@code items}, the relative URL of the {@code next} page (null on the last),
 * the {@code cursor} that URL carries (for clients that build the request themselves, as generated
 * ones do), and {@code total} only when the client asked for it with {@code count=true}.
 */
public record CursorPage<T>(
        List<T> items,
        String next,
        String cursor,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long total) {

    /** A list that is always one page: no next, no cursor. */
    public CursorPage(List<T> items, String next, Long total) {
        this(items, next, null, total);
    }
}
