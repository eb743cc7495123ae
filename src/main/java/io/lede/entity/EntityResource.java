package io.lede.entity;

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
import io.lede.error.Problem;
import io.lede.http.IfMatch;
import io.lede.http.Representations;
import io.lede.input.FieldSelection;
import io.lede.input.QueryParams;
import io.lede.paging.Page;
import io.lede.paging.PageParams;
import io.lede.security.Audience;
import io.lede.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/v1/entities")
@Tag(name = "Entities", description = "People, organisations, places and topics with a global id (Wikidata, IPTC Media Topics)")
@Produces(MediaType.APPLICATION_JSON)
public class EntityResource {

    static final String MERGE_PATCH = "application/merge-patch+json";

    private final EntityService entities;
    private final Representations representations;
    private final SecurityIdentity caller;

    public EntityResource(EntityService entities, Representations representations, SecurityIdentity caller) {
        this.entities = entities;
        this.representations = representations;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "List entities", description = "In name order. Without an editor token, only the entities "
            + "that published content shows.")
    @APIResponse(responseCode = "200", description = "A page of entities",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EntityPage.class)))
    public Response list(@Context UriInfo uriInfo, @Context Request request, @BeanParam PageParams paging,
            @RestQuery @Parameter(description = "Part of the name (case ignored)", example = "hamb") String q,
            @RestQuery @Parameter(description = "Only entities of this type",
                    schema = @Schema(enumeration = { "person", "organisation", "place", "topic" })) String type,
            @RestQuery @Parameter(description = "Comma-separated fields to return for each item", example = "id,name,uri") String fields) {
        FieldSelection selection = FieldSelection.parse(fields, EntityView.FIELDS);
        Page<EntityView> page = entities.list(QueryParams.text(q, "q", 200),
                QueryParams.enumValue(type, "type", EntityType.class, null),
                paging.after(EntityQuery.SORT, EntityQuery.CURSOR_SIZE), paging.limit(), paging.count(), audience());
        SurrogateKeys keys = SurrogateKeys.of(SurrogateKeys.ENTITIES, SurrogateKeys.ENTITY_VISIBILITY, SurrogateKeys.QUOTE_VISIBILITY);
        return representations.page(request, page.body(uriInfo), selection, audience().cachePolicy())
                .header(SurrogateKeys.HEADER, keys.value()).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get an entity", description = "Without an editor token, only one that published content shows.")
    @APIResponse(responseCode = "200", description = "The entity",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EntityView.class),
                    examples = @ExampleObject(name = "entity", value = EntityExamples.ENTITY)))
    @APIResponse(responseCode = "404", description = "No entity with this id is visible to the caller", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@RestPath String id, @Context Request request,
            @RestQuery @Parameter(description = "Comma-separated fields to return", example = "id,name,uri") String fields) {
        FieldSelection selection = FieldSelection.parse(fields, EntityView.FIELDS);
        EntityView entity = entities.find(id, audience());
        return representations.item(request, entity, selection, audience().cachePolicy())
                .header(SurrogateKeys.HEADER, SurrogateKeys.of(SurrogateKeys.ENTITY_VISIBILITY, SurrogateKeys.QUOTE_VISIBILITY)
                        .add("entity", entity.id()).value())
                .build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.EDITOR)
    @SecurityRequirement(name = "bearer")
    @SecurityRequirement(name = "apiKey")
    @Operation(summary = "Create an entity", description = "One entity per URI.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EntityRequest.class),
            examples = @ExampleObject(name = "entity", value = EntityExamples.REQUEST)))
    @APIResponse(responseCode = "201", description = "Created; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EntityView.class)))
    @APIResponse(responseCode = "409", description = "Another entity has this URI", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull EntityRequest entity, @Context UriInfo uriInfo) {
        EntityView created = entities.create(entity);
        URI location = uriInfo.getBaseUriBuilder().path("v1/entities").path(created.id()).build();
        return representations.written(created).status(Response.Status.CREATED).location(location).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.EDITOR)
    @SecurityRequirement(name = "bearer")
    @SecurityRequirement(name = "apiKey")
    @Operation(summary = "Replace an entity", description = "Needs If-Match with the ETag last read. "
            + "Every cached response that shows the entity is refreshed.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EntityRequest.class),
            examples = @ExampleObject(name = "entity", value = EntityExamples.REQUEST)))
    @APIResponse(responseCode = "200", description = "Replaced", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EntityView.class)))
    @APIResponse(responseCode = "404", description = "No entity with this id", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Another entity has this URI", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response replace(@RestPath String id, @Valid @NotNull EntityRequest entity,
            @RestHeader("If-Match") @Parameter(description = "ETag of the version being replaced") String ifMatch) {
        return representations.written(entities.replace(id, entity, IfMatch.required(ifMatch))).build();
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MERGE_PATCH)
    @RolesAllowed(Roles.EDITOR)
    @SecurityRequirement(name = "bearer")
    @SecurityRequirement(name = "apiKey")
    @Operation(summary = "Change some fields of an entity (JSON Merge Patch)",
            description = "RFC 7396; the result is validated as a whole. Needs If-Match.")
    @RequestBody(content = @Content(mediaType = MERGE_PATCH, schema = @Schema(type = SchemaType.OBJECT),
            examples = @ExampleObject(name = "patch", value = EntityExamples.PATCH)))
    @APIResponse(responseCode = "200", description = "Changed", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EntityView.class)))
    @APIResponse(responseCode = "404", description = "No entity with this id", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Another entity has this URI", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response patch(@RestPath String id, JsonNode patch,
            @RestHeader("If-Match") @Parameter(description = "ETag of the version being changed") String ifMatch) {
        return representations.written(entities.patch(id, patch, IfMatch.required(ifMatch))).build();
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.EDITOR)
    @SecurityRequirement(name = "bearer")
    @SecurityRequirement(name = "apiKey")
    @Operation(summary = "Delete an entity", description = "Refused (409) while published or scheduled content uses it; "
            + "drafts keep naming it until an editor saves them (a 400 then); a quote speaker loses the link. If-Match is optional and checked when sent.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No entity with this id", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Published or scheduled content uses it", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response delete(@RestPath String id,
            @RestHeader("If-Match") @Parameter(description = "Optional: ETag of the version being deleted") String ifMatch) {
        entities.delete(id, IfMatch.optional(ifMatch));
        return Response.noContent().build();
    }

    private Audience audience() {
        return Audience.of(caller);
    }

    /** The shape of a list response, for the OpenAPI document. */
    @Schema(name = "EntityPage")
    record EntityPage(
            @Schema(required = true) List<EntityView> items,
            @Schema(required = true, nullable = true, type = SchemaType.STRING, description = "Relative URL of the next page; null on the last") String next,
            @Schema(description = "Number of matching entities; only with count=true") Long total) {
    }
}
