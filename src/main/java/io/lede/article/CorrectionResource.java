package io.lede.article;

import java.util.List;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

import io.lede.cache.SurrogateKeys;
import io.lede.error.Problem;
import io.lede.http.Representations;
import io.lede.input.FieldSelection;
import io.lede.paging.Page;
import io.lede.paging.PageParams;
import io.lede.paging.TimeKeyset;
import io.lede.paging.TimeOrder;
import io.lede.security.Audience;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/v1/corrections")
@Tag(name = "Corrections", description = "Corrections, clarifications and updates published on articles")
@Produces(MediaType.APPLICATION_JSON)
public class CorrectionResource {

    private final CorrectionService corrections;
    private final Representations representations;
    private final SecurityIdentity caller;

    public CorrectionResource(CorrectionService corrections, Representations representations, SecurityIdentity caller) {
        this.corrections = corrections;
        this.representations = representations;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "List corrections", description = "Corrections of published articles, newest first, "
            + "each with its article's id, headline and page. The same list for every caller.")
    @APIResponse(responseCode = "200", description = "A page of corrections",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CorrectionPage.class)))
    public Response list(@Context UriInfo uriInfo, @Context Request request, @BeanParam PageParams paging) {
        Page<CorrectionNotice> page = corrections.list(paging.after(TimeOrder.NEWEST.apiName(), TimeKeyset.CURSOR_SIZE),
                paging.limit(), paging.count());
        SurrogateKeys keys = SurrogateKeys.of(SurrogateKeys.CORRECTIONS);
        page.items().forEach(item -> keys.add("article", item.articleId()));
        return representations.page(request, page.body(uriInfo), FieldSelection.ALL, Audience.of(caller).cachePolicy())
                .header(SurrogateKeys.HEADER, keys.value()).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a correction", description = "While its article is published.")
    @APIResponse(responseCode = "200", description = "The correction",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CorrectionNotice.class)))
    @APIResponse(responseCode = "404", description = "No correction with this id on a published article", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@RestPath String id, @Context Request request) {
        CorrectionNotice notice = corrections.find(id);
        return representations.item(request, notice, FieldSelection.ALL, Audience.of(caller).cachePolicy())
                .header(SurrogateKeys.HEADER, SurrogateKeys.of(SurrogateKeys.CORRECTIONS).add("article", notice.articleId()).value())
                .build();
    }

    /** The shape of a list response, for the OpenAPI document. */
    @Schema(name = "CorrectionPage")
    record CorrectionPage(
            @Schema(required = true) List<CorrectionNotice> items,
            @Schema(required = true, nullable = true, type = SchemaType.STRING, description = "Relative URL of the next page; null on the last") String next,
            @Schema(description = "Number of corrections; only with count=true") Long total) {
    }
}
