package io.lede.delivery;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.lede.cache.SurrogateKeys;
import io.lede.error.Problem;
import io.lede.http.HttpFilters;
import io.lede.http.Representations;
import io.lede.input.QueryParams;
import io.lede.security.Audience;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/v1/feeds")
@Tag(name = "Delivery")
public class FeedResource {

    private final FeedService feeds;
    private final Representations representations;
    private final SecurityIdentity caller;

    public FeedResource(FeedService feeds, Representations representations, SecurityIdentity caller) {
        this.feeds = feeds;
        this.representations = representations;
        this.caller = caller;
    }

    @GET
    @Path("/{name: [a-z0-9]+(-[a-z0-9]+)*}.{format: rss|atom|json}")
    @Operation(summary = "A feed of the newest articles", description = "latest, or a section: the 50 newest published "
            + "articles as RSS 2.0 (.rss), Atom 1.0 (.atom) or JSON Feed 1.1 (.json), lead image as enclosure. "
            + "Without lang, Accept-Language picks the language.")
    @APIResponse(responseCode = "200", description = "The feed", content = {
            @Content(mediaType = "application/rss+xml", schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = "application/atom+xml", schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = "application/feed+json", schema = @Schema(implementation = JsonFeed.class)) })
    @APIResponse(responseCode = "404", description = "No such section", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response feed(@Context Request request, @Context UriInfo uriInfo,
            @RestPath @Parameter(description = "latest, or a section name", example = "world") String name,
            @RestPath @Parameter(description = "rss, atom or json", schema = @Schema(type = SchemaType.STRING, enumeration = { "rss", "atom", "json" })) String format,
            @RestQuery @Parameter(description = "Only this language (BCP-47); overrides Accept-Language", example = "en") String lang,
            @RestHeader("Accept-Language") @Parameter(hidden = true) String acceptLanguage,
            @RestHeader("Accept") @Parameter(hidden = true) String accept) {
        String section = FeedService.LATEST.equals(name) ? null : name;
        FeedWriter.Format type = FeedWriter.Format.of(format);
        // The format is in the URL, so HttpFilters' check (which reads @Produces) cannot see it.
        HttpFilters.requireAcceptable(accept, type.acceptableAs());
        FeedService.Feed feed = feeds.feed(section, type, QueryParams.language(lang, "lang"), acceptLanguage,
                uriInfo.getBaseUri().toString(), uriInfo.getRequestUri().getRawPath());
        Response.ResponseBuilder response = representations.conditional(request, feed.bytes(), type.mediaType(),
                Audience.of(caller).cachePolicy())
                .header(HttpHeaders.VARY, "Accept-Language");
        SurrogateKeys keys = SurrogateKeys.of("feeds").sectionList(section);
        if (lang == null && acceptLanguage != null && !acceptLanguage.isBlank()) {
            // The language was picked among those published, which any publication may change.
            keys.add(SurrogateKeys.ALL_SECTIONS);
        }
        feed.articleIds().forEach(article -> keys.add("article", article));
        feed.imageIds().forEach(image -> keys.add("image", image));
        response.header(SurrogateKeys.HEADER, keys.value());
        feed.language().ifPresent(tag -> response.header(HttpHeaders.CONTENT_LANGUAGE, tag));
        return response.build();
    }
}
