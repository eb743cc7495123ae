package io.lede.paging;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestQuery;

import io.lede.error.ProblemException;
import io.lede.input.QueryParams;

/**
 * The query parameters every time-ordered list shares (articles, quotes) besides paging, and their checks.
 * Features extend it with their own filters.
 */
public class TimeListParams extends PageParams {

    public static final int MAX_QUERY_LENGTH = 200;

    @RestQuery
    @Parameter(description = "Only items in this language (BCP-47)", example = "en")
    String lang;

    @RestQuery
    @Parameter(description = "Full-text search, each item read in its language (stemmed for en, de, ru, fr, es on PostgreSQL): "
            + "\"quoted phrases\", or, and -word",
            schema = @Schema(type = SchemaType.STRING, maxLength = MAX_QUERY_LENGTH))
    String q;

    @RestQuery
    @Parameter(description = "At or after this time (ISO-8601, or a date meaning its start, UTC)", example = "2026-11-01")
    String from;

    @RestQuery
    @Parameter(description = "Before this time (ISO-8601), or on or before this date (UTC)", example = "2026-11-30")
    String to;

    @RestQuery
    @Parameter(description = "newest (default), oldest, or relevance (needs q): the 200 newest matches by text rank, "
            + "halved for every 180 days of age",
            schema = @Schema(type = SchemaType.STRING, enumeration = { "newest", "oldest", "relevance" }, defaultValue = "newest"))
    String sort;

    protected TimeListQuery parseShared() {
        String query = QueryParams.text(q, "q", MAX_QUERY_LENGTH);
        TimeOrder order = QueryParams.enumValue(sort, "sort", TimeOrder.class, TimeOrder.NEWEST);
        if (order == TimeOrder.RELEVANCE && query == null) {
            throw ProblemException.invalid("sort", "relevance needs a search term in q");
        }
        Instant start = QueryParams.instant(from, "from", false);
        Instant end = QueryParams.instant(to, "to", true);
        if (start != null && end != null && !start.isBefore(end)) {
            throw ProblemException.invalid("to", "must be after from");
        }
        return new TimeListQuery(QueryParams.language(lang, "lang"), query, start, end, order,
                limit(), count(), after(order.apiName(), TimeKeyset.CURSOR_SIZE));
    }
}
