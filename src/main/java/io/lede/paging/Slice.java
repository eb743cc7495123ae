package io.lede.paging;

import java.util.List;
import java.util.function.Function;

/**
 * The rows of one page, cut from a keyset query that fetched one row more than the page holds: the
 * extra row only says that there is a next page, which starts after the page's last row.
 */
public record Slice<R>(List<R> rows, boolean more) {

    /** @param fetched up to {@code limit + 1} rows, in list order */
    public static <R> Slice<R> of(List<R> fetched, int limit) {
        boolean more = fetched.size() > limit;
        return new Slice<>(more ? List.copyOf(fetched.subList(0, limit)) : List.copyOf(fetched), more);
    }

    /**
     * The first {@code count} rows only (a page that stops short of its limit, e.g. to stay within
     * a size budget): a next page then starts after the last row kept.
     */
    public Slice<R> first(int count) {
        return count >= rows.size() ? this : new Slice<>(List.copyOf(rows.subList(0, count)), true);
    }

    /** Where the next page starts (made from the page's last row), or null on the last page. */
    public <C> C next(Function<R, C> after) {
        return more ? after.apply(rows.get(rows.size() - 1)) : null;
    }
}
