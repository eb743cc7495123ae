package io.lede.delivery;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

import io.lede.cache.SurrogateKeys;
import io.lede.error.Problem;
import io.lede.http.CachePolicy;
import io.lede.http.Representations;
import io.lede.input.FieldSelection;
import io.lede.input.QueryParams;

@Path("/v1/sync")
@Tag(name = "Delivery")
@Produces(MediaType.APPLICATION_JSON)
public class SyncResource {

    private final SyncService sync;
    private final Representations representations;

    public SyncResource(SyncService sync, Representations representations) {
        this.sync = sync;
        this.representations = representations;
    }

    @GET
    @Operation(summary = "Changes since a token", description = "Without since: every published article, page by page. "
            + "With since: what was published, changed or removed after it. Apply each page, then ask again with next "
            + "(at once while hasMore is true, later otherwise). Tokens are signed; deletions are kept for "
            + "lede.sync.tombstone-retention (30 days), after which an old token gets 410 and the client starts over.")
    @APIResponse(responseCode = "200", description = "A page of changes",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SyncPage.class)))
    @APIResponse(responseCode = "410", description = "The token is older than the deletions kept: start over without since",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response changes(@Context Request request,
            @RestQuery @Parameter(description = "The next token of the previous response; absent for a full sync") String since,
            @RestQuery @Parameter(description = "Only articles in this language (BCP-47); kept by the tokens", example = "en") String lang,
            @RestQuery @Parameter(description = "Changes per page", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "100")) String limit) {
        SyncPage page = sync.sync(since == null || since.isBlank() ? null : since.trim(), QueryParams.language(lang, "lang"),
                QueryParams.intInRange(limit, "limit", 100, 1, 100));
        // Each answer depends on the moment it is asked: never stored by shared caches.
        return representations.item(request, page, FieldSelection.ALL, CachePolicy.PRIVATE)
                .header(SurrogateKeys.HEADER, SurrogateKeys.SYNC).build();
    }
}
