package io.lede.article;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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
import jakarta.ws.rs.core.HttpHeaders;
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
import io.lede.http.CachePolicy;
import io.lede.http.HttpConfig;
import io.lede.http.IfMatch;
import io.lede.http.Representations;
import io.lede.input.FieldSelection;
import io.lede.input.Includes;
import io.lede.openapi.LedeApiDefinition;
import io.lede.paging.CursorPage;
import io.lede.paging.Page;
import io.lede.quote.QuoteView;
import io.lede.security.Audience;
import io.lede.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/v1/articles")
@Tag(name = "Articles", description = "News stories: headline, standfirst, typed body blocks, tags, translations")
@Produces(MediaType.APPLICATION_JSON)
public class ArticleResource {

    static final String MERGE_PATCH = "application/merge-patch+json";
    static final String INCLUDE_QUOTES = "quotes";
    static final String INCLUDE_IMAGES = "images";
    static final String INCLUDE_ENTITIES = "entities";
    static final Set<String> INCLUDES = Set.of(INCLUDE_IMAGES, INCLUDE_QUOTES, INCLUDE_ENTITIES);
    /** What a standard's document always carries, whatever include= says. */
    static final Includes SYNDICATED = new Includes(INCLUDES);
    static final String JSON_LD = "application/ld+json";
    static final String FORMAT_DESCRIPTION = "json (default): Lede's article shape; ninjs: IPTC ninjs 3.1 (application/json); "
            + "jsonld: schema.org NewsArticle (application/ld+json). Images, quotes and entities are always inlined in "
            + "ninjs and jsonld, and fields= cannot be combined with them";

    private final ArticleService articles;
    private final EntityService entities;
    private final ArticleFormats formats;
    private final Representations representations;
    private final HttpConfig http;
    private final SecurityIdentity caller;

    public ArticleResource(ArticleService articles, EntityService entities, ArticleFormats formats,
            Representations representations, HttpConfig http, SecurityIdentity caller) {
        this.articles = articles;
        this.entities = entities;
        this.formats = formats;
        this.representations = representations;
        this.http = http;
        this.caller = caller;
    }

    @GET
    @Produces({ MediaType.APPLICATION_JSON, JSON_LD })
    @Operation(summary = "List articles", description = "Published articles, newest first, in keyset pages. "
            + "Editors may list other statuses with status=. format=ninjs gives {\"items\": [ninjs 3.1 items], \"next\"}, "
            + "format=jsonld a schema.org ItemList of NewsArticles; paging is the same in every format.")
    @APIResponse(responseCode = "200", description = "A page of articles; the next page is in next and in the Link header",
            content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(anyOf = { ArticleViewShapes.ArticlePage.class, SyndicationDocs.NinjsPage.class }),
                            examples = @ExampleObject(name = "ninjs", summary = "format=ninjs", value = SyndicationDocs.NINJS_PAGE)),
                    @Content(mediaType = JSON_LD, schema = @Schema(type = SchemaType.OBJECT, description = SyndicationDocs.JSON_LD_DESCRIPTION),
                            examples = @ExampleObject(name = "jsonld", summary = "format=jsonld", value = SyndicationDocs.JSON_LD_PAGE)) })
    // A public read, so the shared responses have no 403: it is for status= without an editor token.
    @APIResponse(responseCode = "403", ref = LedeApiDefinition.FORBIDDEN)
    public Response list(@BeanParam ArticleListParams params, @Context UriInfo uriInfo, @Context Request request,
            @Context HttpHeaders headers,
            @RestQuery @Parameter(description = "Comma-separated fields to return for each item (not with format=ninjs or jsonld)",
                    example = "id,headline,publishedAt") String fields,
            @RestQuery @Parameter(description = "Referenced objects to inline, comma-separated: images, quotes, entities",
                    schema = @Schema(enumeration = { "images", "quotes", "entities" })) String include,
            @RestQuery @Parameter(description = FORMAT_DESCRIPTION,
                    schema = @Schema(type = SchemaType.STRING, enumeration = { "json", "ninjs", "jsonld" }, defaultValue = "json")) String format) {
        Optional<ArticleFormat> standard = formats.choose(format, fields, headers.getHeaderString(HttpHeaders.ACCEPT));
        FieldSelection selection = FieldSelection.parse(fields, ArticleView.FIELDS);
        Includes includes = standard.isPresent() ? SYNDICATED : Includes.parse(include, INCLUDES);
        ArticleFilter filter = params.toFilter(audience(), entities);
        Page<ArticleView> page = articles.list(filter, audience(), includes, params.highlights(filter));
        SurrogateKeys keys = ArticleResponseKeys.ofList(filter, page.items(), includes);
        CachePolicy policy = audience().cachePolicy(filter.onlyPublished());
        CursorPage<ArticleView> body = page.body(uriInfo);
        if (standard.isPresent()) {
            ArticleFormat.Rendered rendered = standard.get().page(body, target(uriInfo));
            rendered.keys().forEach(keys::add);
            return representations.document(request, rendered.document(), standard.get().mediaType(), body.next(), policy)
                    .header(SurrogateKeys.HEADER, keys.value()).build();
        }
        return representations.page(request, body, selection, policy).header(SurrogateKeys.HEADER, keys.value()).build();
    }

    @GET
    @Path("/{id}")
    @Produces({ MediaType.APPLICATION_JSON, JSON_LD })
    @Operation(summary = "Get an article by id or slug",
            description = "Drafts, scheduled and archived articles are visible to editors only; to anyone else they are 404. "
                    + "format=ninjs gives an IPTC ninjs 3.1 item (application/json), format=jsonld a schema.org NewsArticle "
                    + "(LiveBlogPosting for live blogs) as application/ld+json.")
    @APIResponse(responseCode = "200", description = "The article",
            content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(anyOf = { ArticleView.class, SyndicationDocs.NinjsItem.class }),
                            examples = {
                                    @ExampleObject(name = "article", value = ArticleExamples.ARTICLE),
                                    @ExampleObject(name = "ninjs", summary = "format=ninjs", value = SyndicationDocs.NINJS) }),
                    @Content(mediaType = JSON_LD, schema = @Schema(type = SchemaType.OBJECT, description = SyndicationDocs.JSON_LD_DESCRIPTION),
                            examples = @ExampleObject(name = "jsonld", summary = "format=jsonld", value = SyndicationDocs.JSON_LD)) })
    @APIResponse(responseCode = "404", description = "No article with this id or slug is visible to the caller", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@RestPath("id") @Parameter(description = "Article id, or its slug") String idOrSlug,
            @Context Request request, @Context UriInfo uriInfo, @Context HttpHeaders headers,
            @RestQuery @Parameter(description = "Comma-separated fields to return (not with format=ninjs or jsonld)",
                    example = "id,headline,publishedAt") String fields,
            @RestQuery @Parameter(description = "Referenced objects to inline, comma-separated: images, quotes, entities",
                    schema = @Schema(enumeration = { "images", "quotes", "entities" })) String include,
            @RestQuery @Parameter(description = FORMAT_DESCRIPTION,
                    schema = @Schema(type = SchemaType.STRING, enumeration = { "json", "ninjs", "jsonld" }, defaultValue = "json")) String format) {
        Optional<ArticleFormat> standard = formats.choose(format, fields, headers.getHeaderString(HttpHeaders.ACCEPT));
        FieldSelection selection = FieldSelection.parse(fields, ArticleView.FIELDS);
        Includes includes = standard.isPresent() ? SYNDICATED : Includes.parse(include, INCLUDES);
        ArticleView article = articles.find(idOrSlug, audience(), includes);
        CachePolicy policy = audience().cachePolicy(article.status() == ArticleStatus.PUBLISHED);
        SurrogateKeys keys = ArticleResponseKeys.of(SurrogateKeys.of(), article, includes);
        Response.ResponseBuilder response;
        if (standard.isPresent()) {
            ArticleFormat.Rendered rendered = standard.get().item(article, target(uriInfo));
            rendered.keys().forEach(keys::add);
            response = representations.document(request, rendered.document(), standard.get().mediaType(), null, policy);
        } else {
            response = representations.item(request, article, selection, policy);
        }
        if (article.status() == ArticleStatus.PUBLISHED) {
            // oEmbed answers for published articles only: a draft read by an editor advertises no card.
            response.header("Link", OEmbedLinks.discovery(uriInfo, article.url()));
        }
        return response.header(SurrogateKeys.HEADER, keys.value()).build();
    }

    @GET
    @Path("/{id}/quotes")
    @Operation(summary = "List an article's quotes",
            description = "The quotes its body uses, in body order, then any other quotes linked to it by articleId, oldest first.")
    @APIResponse(responseCode = "200", description = "The article's quotes (always one page)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticleViewShapes.QuotePage.class)))
    @APIResponse(responseCode = "404", description = "No article with this id or slug is visible to the caller", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response quotes(@RestPath("id") @Parameter(description = "Article id, or its slug") String idOrSlug,
            @Context Request request) {
        ArticleView article = articles.find(idOrSlug, audience(), Includes.NONE);
        List<QuoteView> quotes = articles.quotesOf(article, audience());
        // Its body (the order), the quotes linked to it, and each quote.
        SurrogateKeys keys = SurrogateKeys.of("article-quotes").add("article", article.id()).add("article-quotes", article.id());
        quotes.forEach(quote -> keys.add("quote", quote.id()).add("entity", quote.speaker().entityId()));
        return representations.page(request, new CursorPage<>(quotes, null, null), FieldSelection.ALL,
                audience().cachePolicy(article.status() == ArticleStatus.PUBLISHED))
                .header(SurrogateKeys.HEADER, keys.value()).build();
    }

    @POST
    @Path("/{id}/corrections")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.EDITOR)
    @SecurityRequirement(name = "bearer")
    @SecurityRequirement(name = "apiKey")
    @Operation(summary = "Publish a correction on an article",
            description = "A correction, clarification or update on an article that has been published: it joins the article's "
                    + "corrections, moves materiallyUpdatedAt, shows in /v1/corrections while the article is published and "
                    + "fires article.corrected. Corrections are a record: never edited or removed. If-Match is optional and checked when sent.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CorrectionRequest.class)))
    @APIResponse(responseCode = "201", description = "Published; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CorrectionView.class)))
    @APIResponse(responseCode = "404", description = "No article with this id", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The article has never been published", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response correct(@RestPath String id, @Valid @NotNull CorrectionRequest correction, @Context UriInfo uriInfo,
            @RestHeader("If-Match") @Parameter(description = "Optional: ETag of the article version being corrected") String ifMatch) {
        CorrectionView created = articles.correct(id, correction, IfMatch.optional(ifMatch));
        URI location = uriInfo.getBaseUriBuilder().path("v1/corrections").path(created.id()).build();
        return representations.written(created).status(Response.Status.CREATED).location(location).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.EDITOR)
    @SecurityRequirement(name = "bearer")
    @SecurityRequirement(name = "apiKey")
    @Operation(summary = "Create an article", description = "A slug is made from the headline unless given. "
            + "status defaults to draft; published without publishedAt publishes now; scheduled goes live by itself.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticleRequest.class),
            examples = @ExampleObject(name = "article", value = ArticleExamples.REQUEST)))
    @APIResponse(responseCode = "201", description = "Created; Location names it and ETag is its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticleView.class)))
    @APIResponse(responseCode = "409", description = "The slug is taken, or the translation group has this language", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull ArticleRequest article, @Context UriInfo uriInfo) {
        ArticleView created = articles.create(article);
        URI location = uriInfo.getBaseUriBuilder().path("v1/articles").path(created.id()).build();
        return representations.written(created).status(Response.Status.CREATED).location(location).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.EDITOR)
    @SecurityRequirement(name = "bearer")
    @SecurityRequirement(name = "apiKey")
    @Operation(summary = "Replace an article", description = "Needs If-Match with the ETag last read.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticleRequest.class),
            examples = @ExampleObject(name = "article", value = ArticleExamples.REQUEST)))
    @APIResponse(responseCode = "200", description = "Replaced", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticleView.class)))
    @APIResponse(responseCode = "404", description = "No article with this id", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The slug is taken, or the translation group has this language", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response replace(@RestPath String id, @Valid @NotNull ArticleRequest article,
            @RestHeader("If-Match") @Parameter(description = "ETag of the version being replaced") String ifMatch) {
        return representations.written(articles.replace(id, article, IfMatch.required(ifMatch))).build();
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MERGE_PATCH)
    @RolesAllowed(Roles.EDITOR)
    @SecurityRequirement(name = "bearer")
    @SecurityRequirement(name = "apiKey")
    @Operation(summary = "Change some fields of an article (JSON Merge Patch)",
            description = "RFC 7396: fields present replace, null removes. The result is validated as a whole. Needs If-Match.")
    @RequestBody(content = @Content(mediaType = MERGE_PATCH, schema = @Schema(type = SchemaType.OBJECT),
            examples = @ExampleObject(name = "patch", value = ArticleExamples.PATCH)))
    @APIResponse(responseCode = "200", description = "Changed", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticleView.class)))
    @APIResponse(responseCode = "404", description = "No article with this id", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The slug is taken, or the translation group has this language", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response patch(@RestPath String id, JsonNode patch,
            @RestHeader("If-Match") @Parameter(description = "ETag of the version being changed") String ifMatch) {
        return representations.written(articles.patch(id, patch, IfMatch.required(ifMatch))).build();
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.EDITOR)
    @SecurityRequirement(name = "bearer")
    @SecurityRequirement(name = "apiKey")
    @Operation(summary = "Delete an article", description = "An article that has ever been published needs an admin token, "
            + "whatever its status now, and leaves a tombstone for /v1/sync. "
            + "If-Match is optional and checked when sent.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No article with this id", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response delete(@RestPath String id,
            @RestHeader("If-Match") @Parameter(description = "Optional: ETag of the version being deleted") String ifMatch) {
        articles.delete(id, IfMatch.optional(ifMatch), audience());
        return Response.noContent().build();
    }

    private Audience audience() {
        return Audience.of(caller);
    }

    /** Image URLs in a standard's document are absolute: lede.public-url, or the base URL the request reached. */
    private ArticleFormat.Target target(UriInfo uriInfo) {
        return new ArticleFormat.Target(http.publicUrl().orElse(uriInfo.getBaseUri().toString()), audience());
    }
}
