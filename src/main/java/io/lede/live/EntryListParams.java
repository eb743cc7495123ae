package io.lede.live;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestQuery;

import io.lede.error.ProblemException;
import io.lede.input.QueryParams;
import io.lede.paging.PageParams;
import io.lede.paging.TimeKeyset;
import io.lede.paging.TimeOrder;
import io.lede.text.Ids;

/** The query parameters of {@code GET /v1/articles/{id}/entries}, and their checks. */
public class EntryListParams extends PageParams {

    @RestQuery
    @Parameter(description = "true lists key events only", schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
    String keyEvents;

    @RestQuery
    @Parameter(description = "Only entries newer than this entry (its id): what a page that shows it has not seen yet",
            schema = @Schema(type = SchemaType.STRING, maxLength = 36))
    String since;

    EntryFilter toFilter() {
        UUID sinceId = null;
        String raw = QueryParams.text(since, "since", 36);
        if (raw != null) {
            sinceId = Ids.parse(raw).orElseThrow(() -> ProblemException.invalid("since", "must be the id of an entry"));
        }
        return new EntryFilter(QueryParams.bool(keyEvents, "keyEvents"), sinceId, limit(), count(),
                after(TimeOrder.NEWEST.apiName(), TimeKeyset.CURSOR_SIZE));
    }
}
