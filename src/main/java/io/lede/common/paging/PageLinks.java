package io.lede.common.paging;

import java.net.URI;

import jakarta.ws.rs.core.UriInfo;

/** Builds the relative {@code next} URL: the request as it was, with the new cursor. */
public final class PageLinks {

    private PageLinks() {
    }

    public static String next(UriInfo uriInfo, Cursor cursor) {
        if (cursor == null) {
            return null;
        }
        URI uri = uriInfo.getRequestUriBuilder().replaceQueryParam("cursor", cursor.encode()).build();
        return uri.getRawPath() + (uri.getRawQuery() != null ? "?" + uri.getRawQuery() : "");
    }
}
