package io.lede.quote;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import com.fasterxml.jackson.databind.JsonNode;

import io.lede.cache.SurrogateKeys;
import io.lede.entity.EntityService;
import io.lede.error.Problem;
import io.lede.http.IfMatch;
import io.lede.http.Representations;
import io.lede.input.FieldSelection;
import io.lede.openapi.LedeApiDefinition;
import io.lede.paging.Page;
import io.lede.security.Audience;
import io.lede.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/v1/quotes")
@Tag(name = "Quotes", description = "What people said, attributed to a speaker with the role they held")
@Produces(MediaType.APPLICATION_JSON)
public class QuoteResource {

    static final String MERGE_PATCH = "application/merge-patch+json";

    private final QuoteService quotes;
    private final EntityService entities;
    private final Representations representations;
    private final SecurityIdentity caller;

    public QuoteResource(QuoteService quotes, EntityService entities, Representations representations, SecurityIdentity caller) {
        this.entities = entities;
        this.quotes = quotes;
        this.representations = representations;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "List quotes", description = "Newest first by when they were said (or written down). "
            + "Quotes gathered for an unpublished article are visible to editors only.")
    @APIResponse(responseCode = "200", description = "A page of quotes",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = QuotePage.class)))
    public Response list(@BeanParam QuoteListParams params, @Context UriInfo uriInfo, @Context Request request,
            @RestQuery @Parameter(description = "Comma-separated fields to return for each item", example = "id,text,speaker") String fields) {
        FieldSelection selection = FieldSelection.parse(fields, QuoteView.FIELDS);
        QuoteFilter filter = params.toFilter(entities);
        Page<QuoteView> page = quotes.list(filter, audience());
        SurrogateKeys keys = SurrogateKeys.of(SurrogateKeys.QUOTES, SurrogateKeys.QUOTE_VISIBILITY);
        if (filter.speakerEntity() != null) {
            // Which entity a URI names moves when an entity is created or its URI changes.
            keys.add(SurrogateKeys.ENTITIES);
        }
        page.items().forEach(quote -> keys.add("quote", quote.id()).add("entity", quote.speaker().entityId()));
        return representations.page(request, page.body(uriInfo), selection, audience().cachePolicy()).header(SurrogateKeys.HEADER, keys.value()).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a quote", description = "speaker.role is the role held when it was said.")
    @APIResponse(responseCode = "200", description = "The quote",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = QuoteView.class),
                    examples = @ExampleObject(name = "quote", value = QuoteExamples.QUOTE)))
    @APIResponse(responseCode = "404", description = "No quote with this id is visible to the caller", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@RestPath String id, @Context Request request,
            @RestQuery @Parameter(description = "Comma-separated fields to return", example = "id,text,speaker") String fields) {
        FieldSelection selection = FieldSelection.parse(fields, QuoteView.FIELDS);
        QuoteView quote = quotes.find(id, audience());
        return representations.item(request, quote, selection, audience().cachePolicy())
                .header(SurrogateKeys.HEADER, SurrogateKeys.of(SurrogateKeys.QUOTE_VISIBILITY).add("quote", quote.id())
                        .add("entity", quote.speaker().entityId()).value()).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.EDITOR)
    @SecurityRequirement(name = "bearer")
    @SecurityRequirement(name = "apiKey")
    @Operation(summary = "Create a quote", description = "The speaker is found by name in any spelling, or created.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = QuoteRequest.class),
            examples = @ExampleObject(name = "quote", value = QuoteExamples.REQUEST)))
    @APIResponse(responseCode = "201", description = "Created; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = QuoteView.class)))
    public Response create(@Valid @NotNull QuoteRequest quote, @Context UriInfo uriInfo) {
        QuoteView created = quotes.create(quote);
        URI location = uriInfo.getBaseUriBuilder().path("v1/quotes").path(created.id()).build();
        return representations.written(created).status(Response.Status.CREATED).location(location).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.EDITOR)
    @SecurityRequirement(name = "bearer")
    @SecurityRequirement(name = "apiKey")
    @Operation(summary = "Replace a quote", description = "Needs If-Match with the ETag last read.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = QuoteRequest.class),
            examples = @ExampleObject(name = "quote", value = QuoteExamples.REQUEST)))
    @APIResponse(responseCode = "200", description = "Replaced", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = QuoteView.class)))
    @APIResponse(responseCode = "404", description = "No quote with this id", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response replace(@RestPath String id, @Valid @NotNull QuoteRequest quote,
            @RestHeader("If-Match") @Parameter(description = "ETag of the version being replaced") String ifMatch) {
        return representations.written(quotes.replace(id, quote, IfMatch.required(ifMatch))).build();
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MERGE_PATCH)
    @RolesAllowed(Roles.EDITOR)
    @SecurityRequirement(name = "bearer")
    @SecurityRequirement(name = "apiKey")
    @Operation(summary = "Change some fields of a quote (JSON Merge Patch)",
            description = "RFC 7396; the result is validated as a whole. Needs If-Match.")
    @RequestBody(content = @Content(mediaType = MERGE_PATCH, schema = @Schema(type = SchemaType.OBJECT),
            examples = @ExampleObject(name = "patch", value = QuoteExamples.PATCH)))
    @APIResponse(responseCode = "200", description = "Changed", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = QuoteView.class)))
    @APIResponse(responseCode = "404", description = "No quote with this id", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response patch(@RestPath String id, JsonNode patch,
            @RestHeader("If-Match") @Parameter(description = "ETag of the version being changed") String ifMatch) {
        return representations.written(quotes.patch(id, patch, IfMatch.required(ifMatch))).build();
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.EDITOR)
    @SecurityRequirement(name = "bearer")
    @SecurityRequirement(name = "apiKey")
    @Operation(summary = "Delete a quote", description = "Refused (409) while a published or scheduled article quotes it. "
            + "If-Match is optional and checked when sent.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No quote with this id", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A published or scheduled article quotes it", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response delete(@RestPath String id,
            @RestHeader("If-Match") @Parameter(description = "Optional: ETag of the version being deleted") String ifMatch) {
        quotes.delete(id, IfMatch.optional(ifMatch));
        return Response.noContent().build();
    }

    private Audience audience() {
        return Audience.of(caller);
    }

    /** The shape of a list response, for the OpenAPI document. */
    @Schema(name = "QuotePage")
    record QuotePage(
            @Schema(required = true) List<QuoteView> items,
            @Schema(required = true, nullable = true, type = SchemaType.STRING, description = "Relative URL of the next page; null on the last") String next,
            @Schema(description = "Number of matching quotes; only with count=true") Long total) {
    }
}
