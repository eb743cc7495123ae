package io.lede.live;

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

import io.lede.article.BodyBlock;
import io.lede.article.BodyReferences;
import io.lede.error.Problem;
import io.lede.http.CachePolicy;
import io.lede.input.FieldSelection;
import io.lede.http.IfMatch;
import io.lede.input.Includes;
import io.lede.http.Representations;
import io.lede.cache.SurrogateKeys;
import io.lede.paging.Page;
import io.lede.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/v1/articles/{id}/entries")
@Tag(name = "Live blogs", description = "Entries of live blogs (articles with live set), newest first, and their event stream")
@Produces(MediaType.APPLICATION_JSON)
public class EntryResource {

    static final String MERGE_PATCH = "application/merge-patch+json";

    private final EntryService entries;
    private final Representations representations;
    private final SecurityIdentity caller;

    public EntryResource(EntryService entries, Representations representations, SecurityIdentity caller) {
        this.entries = entries;
        this.representations = representations;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "List a live blog's entries", description = "Newest first; pinned entries are flagged, not moved. "
            + "keyEvents=true lists key events only; since=<entry id> only the entries newer than that one. "
            + "A draft's entries are visible to editors only.")
    @APIResponse(responseCode = "200", description = "A page of entries; the next page is in next and in the Link header",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EntryPage.class)))
    @APIResponse(responseCode = "404", description = "No article with this id or slug is visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response list(@RestPath("id") @Parameter(description = "Article id, or its slug") String idOrSlug,
            @BeanParam EntryListParams params, @Context UriInfo uriInfo, @Context Request request,
            @RestQuery @Parameter(description = "Comma-separated fields to return for each item", example = "id,title,publishedAt") String fields,
            @RestQuery @Parameter(description = "Referenced objects to inline: images, quotes",
                    schema = @Schema(enumeration = { "images", "quotes" })) String include) {
        FieldSelection selection = FieldSelection.parse(fields, EntryView.FIELDS);
        Includes includes = Includes.parse(include, BodyReferences.INCLUDES);
        EntryService.Page page = entries.list(idOrSlug, params.toFilter(), editor(), includes);
        SurrogateKeys keys = dependencies(SurrogateKeys.of("entries"), page.blog());
        page.items().forEach(item -> inlined(keys, item, includes));
        return representations.page(request, new Page<>(page.items(), page.next(), page.total()).body(uriInfo),
                selection, policy(page.blog())).header(SurrogateKeys.HEADER, keys.value()).build();
    }

    @GET
    @Path("/{entryId}")
    @Operation(summary = "Get one entry of a live blog", description = "Visible when its article is: a draft's entries to editors only.")
    @APIResponse(responseCode = "200", description = "The entry",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EntryView.class),
                    examples = @ExampleObject(name = "entry", value = LiveExamples.ENTRY)))
    @APIResponse(responseCode = "404", description = "No such entry of an article visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@RestPath("id") @Parameter(description = "Article id, or its slug") String idOrSlug,
            @RestPath String entryId, @Context Request request,
            @RestQuery @Parameter(description = "Comma-separated fields to return", example = "id,title,publishedAt") String fields,
            @RestQuery @Parameter(description = "Referenced objects to inline: images, quotes",
                    schema = @Schema(enumeration = { "images", "quotes" })) String include) {
        FieldSelection selection = FieldSelection.parse(fields, EntryView.FIELDS);
        Includes includes = Includes.parse(include, BodyReferences.INCLUDES);
        EntryService.Found found = entries.find(idOrSlug, entryId, editor(), includes);
        SurrogateKeys keys = inlined(dependencies(SurrogateKeys.of(), found.blog()), found.entry(), includes);
        return representations.item(request, found.entry(), selection, policy(found.blog()))
                .header(SurrogateKeys.HEADER, keys.value()).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.EDITOR)
    @SecurityRequirement(name = "bearer")
    @SecurityRequirement(name = "apiKey")
    @Operation(summary = "Add an entry to a live blog", description = "The article must be a live blog (live set). "
            + "publishedAt defaults to now. Subscribers of the article's stream get it as entry.created.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EntryRequest.class),
            examples = @ExampleObject(name = "entry", value = LiveExamples.REQUEST)))
    @APIResponse(responseCode = "201", description = "Created; Location names it and ETag is its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EntryView.class)))
    @APIResponse(responseCode = "404", description = "No article with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The article is not a live blog",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@RestPath("id") String articleId, @Valid @NotNull EntryRequest entry, @Context UriInfo uriInfo) {
        EntryService.Found created = entries.create(articleId, entry);
        URI location = uriInfo.getBaseUriBuilder().path("v1/articles").path(created.blog().id().toString())
                .path("entries").path(created.entry().id()).build();
        return representations.written(created.entry()).status(Response.Status.CREATED).location(location).build();
    }

    @PATCH
    @Path("/{entryId}")
    @Consumes(MERGE_PATCH)
    @RolesAllowed(Roles.EDITOR)
    @SecurityRequirement(name = "bearer")
    @SecurityRequirement(name = "apiKey")
    @Operation(summary = "Change some fields of an entry (JSON Merge Patch)",
            description = "RFC 7396; the result is validated as a whole. Needs If-Match. Subscribers get it as entry.updated.")
    @RequestBody(content = @Content(mediaType = MERGE_PATCH, schema = @Schema(type = SchemaType.OBJECT),
            examples = @ExampleObject(name = "patch", value = LiveExamples.PATCH)))
    @APIResponse(responseCode = "200", description = "Changed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EntryView.class)))
    @APIResponse(responseCode = "404", description = "No such entry of an article with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response patch(@RestPath("id") String articleId, @RestPath String entryId, JsonNode patch,
            @RestHeader("If-Match") @Parameter(description = "ETag of the version being changed") String ifMatch) {
        return representations.written(entries.patch(articleId, entryId, patch, IfMatch.required(ifMatch))).build();
    }

    @DELETE
    @Path("/{entryId}")
    @RolesAllowed(Roles.EDITOR)
    @SecurityRequirement(name = "bearer")
    @SecurityRequirement(name = "apiKey")
    @Operation(summary = "Delete an entry", description = "If-Match is optional and checked when sent. "
            + "Subscribers get entry.deleted with the entry's id.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such entry of an article with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response delete(@RestPath("id") String articleId, @RestPath String entryId,
            @RestHeader("If-Match") @Parameter(description = "Optional: ETag of the version being deleted") String ifMatch) {
        entries.delete(articleId, entryId, IfMatch.optional(ifMatch));
        return Response.noContent().build();
    }

    /** Entry responses show the article's visibility (article-) and its entries (entries-). */
    private static SurrogateKeys dependencies(SurrogateKeys keys, EntryService.Blog blog) {
        return keys.add("article", blog.id()).add(EntryKeys.of(blog.id()));
    }

    private static SurrogateKeys inlined(SurrogateKeys keys, EntryView entry, Includes includes) {
        if (includes.has(BodyReferences.INCLUDE_QUOTES)) {
            BodyBlock.quoteIds(entry.body()).forEach(id -> keys.add("quote", id));
        }
        if (includes.has(BodyReferences.INCLUDE_IMAGES)) {
            BodyBlock.imageIds(entry.body()).forEach(id -> keys.add("image", id));
        }
        return keys;
    }

    private boolean editor() {
        return caller.hasRole(Roles.EDITOR);
    }

    private CachePolicy policy(EntryService.Blog blog) {
        return CachePolicy.of(!caller.isAnonymous(), blog.published());
    }

    /** The shape of a list response, for the OpenAPI document. */
    @Schema(name = "EntryPage")
    record EntryPage(
            @Schema(required = true) List<EntryView> items,
            @Schema(required = true, nullable = true, description = "Relative URL of the next page; null on the last") String next,
            @Schema(description = "Number of matching entries; only with count=true") Long total) {
    }
}
