package io.lede.paging;

import java.util.List;
import java.util.function.Function;

import jakarta.ws.rs.core.UriInfo;

/**
 * One page of a list as a service hands it out: the items, the cursor of the next page (null on
 * the last) and the number of matching items when the client asked for it.
 */
public record Page<T>(List<T> items, Cursor next, Long total) {

    /**
     * The page of a keyset query's rows.
     *
     * @param fetched up to {@code limit + 1} rows (see {@link Slice})
     * @param items the items of the rows on the page, in their order
     * @param after the cursor after a row
     * @param total the number of matching items, or null when not asked for
     */
    public static <R, T> Page<T> of(List<R> fetched, int limit, Function<List<R>, List<T>> items,
            Function<R, Cursor> after, Long total) {
        return of(Slice.of(fetched, limit), items, after, total);
    }

    /** The page of a slice of a keyset query's rows (one a caller may have cut with {@link Slice#first}). */
    public static <R, T> Page<T> of(Slice<R> slice, Function<List<R>, List<T>> items, Function<R, Cursor> after, Long total) {
        return new Page<>(slice.rows().isEmpty() ? List.of() : items.apply(slice.rows()), slice.next(after), total);
    }

    /** The response body: {@code next} as the relative URL of this request's next page, and its cursor. */
    public CursorPage<T> body(UriInfo uriInfo) {
        String cursor = next == null ? null : next.encode(PageLinks.list(uriInfo));
        return new CursorPage<>(items, PageLinks.next(uriInfo, cursor), cursor, total);
    }
}
