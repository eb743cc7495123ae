package io.lede.paging;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestQuery;

import io.lede.input.QueryParams;

/** The paging parameters of every list: {@code cursor}, {@code limit}, {@code count}. */
public class PageParams {

    @RestQuery
    @Parameter(description = "Opaque cursor from the next link of the previous page")
    String cursor;

    /** The request: a cursor is valid only for the list (path) that handed it out. */
    @Context
    UriInfo uriInfo;

    @RestQuery
    @Parameter(description = "Items per page",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20"))
    String limit;

    @RestQuery
    @Parameter(description = "true adds total, the number of matching items",
            schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
    String count;

    public int limit() {
        return QueryParams.intInRange(limit, "limit", 20, 1, 100);
    }

    public boolean count() {
        return QueryParams.bool(count, "count");
    }

    /** The decoded cursor for a list in this order with keys of this size, or null on the first page. */
    public Cursor after(String sort, int keySize) {
        return cursor == null || cursor.isBlank() ? null : Cursor.decode(cursor.trim(), PageLinks.list(uriInfo), sort, keySize);
    }
}
