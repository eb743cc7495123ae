package io.lede.paging;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One page of a list: {@code items}, the relative URL of the {@code next} page (null on the last),
 * and {@code total} only when the client asked for it with {@code count=true}.
 */
public record CursorPage<T>(
        List<T> items,
        String next,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long total) {
}
