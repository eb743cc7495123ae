package io.lede.paging;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.ws.rs.core.UriInfo;

/**
 * Builds the relative {@code next} URL: the request as the client sent it, with the new cursor.
 * The raw query is kept as it was, so a value's encoding ({@code +} or {@code %20}) never changes.
 */
public final class PageLinks {

    private static final Pattern LEADING_OR_TRAILING_SLASHES = Pattern.compile("^/+|/+$");

    private PageLinks() {
    }

    /** The list a request pages, as cursors name it: its path, without the slashes around it. */
    public static String list(UriInfo uriInfo) {
        return LEADING_OR_TRAILING_SLASHES.matcher(uriInfo.getPath()).replaceAll("");
    }

    /** This request's URL with {@code cursor} in place of its own: the next page's, or null when there is none. */
    public static String next(UriInfo uriInfo, Cursor cursor) {
        return cursor == null ? null : next(uriInfo, cursor.encode(list(uriInfo)));
    }

    /** As {@link #next(UriInfo, Cursor)}, for a cursor already encoded for this list. */
    static String next(UriInfo uriInfo, String encodedCursor) {
        if (encodedCursor == null) {
            return null;
        }
        URI request = uriInfo.getRequestUri();
        List<String> pairs = new ArrayList<>();
        if (request.getRawQuery() != null) {
            for (String pair : request.getRawQuery().split("&")) {
                if (!pair.isEmpty() && !pair.equals("cursor") && !pair.startsWith("cursor=")) {
                    pairs.add(pair);
                }
            }
        }
        // Base64url needs no escaping in a query.
        pairs.add("cursor=" + encodedCursor);
        return request.getRawPath() + "?" + String.join("&", pairs);
    }
}
