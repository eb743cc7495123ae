package io.lede.search;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.lede.error.Problem;
import io.lede.input.QueryParams;
import io.lede.security.Roles;

@Path("/v1/admin/search/reindex")
@Tag(name = "Search", description = "Admin: the optional search engine (OpenSearch) and rebuilds of its index")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@SecurityRequirement(name = "bearer")
@SecurityRequirement(name = "apiKey")
@APIResponse(responseCode = "409", description = "No search engine is configured (lede.search.engine=database: nothing to rebuild), "
        + "or, for POST, a rebuild is already running",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class SearchAdminResource {

    private final Reindexing reindexing;

    public SearchAdminResource(Reindexing reindexing) {
        this.reindexing = reindexing;
    }

    @POST
    @Operation(summary = "Rebuild the search index", description = "Every article is read from the database and written to the search "
            + "engine again (Hibernate Search's mass indexer), in the background; searches keep answering meanwhile. "
            + "Follow it with GET. With recreate=true the index is first dropped and created with the current layout (needed once "
            + "when GET says the layout is outdated): until the rebuild ends, searches find only what it has written.")
    @APIResponse(responseCode = "202", description = "Started",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReindexView.class)))
    public Response start(@QueryParam("recreate") @Parameter(description = "Drop and create the index before rebuilding it",
            schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false")) String recreate) {
        return Response.accepted(ReindexView.of(reindexing.start(QueryParams.bool(recreate, "recreate")))).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @GET
    @Operation(summary = "Progress of the rebuild", description = "Of the current or last rebuild started on this replica.")
    @APIResponse(responseCode = "200", description = "State and progress",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReindexView.class)))
    public Response status() {
        return Response.ok(ReindexView.of(reindexing.status())).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }
}
