package io.lede.delivery;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

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

import io.lede.article.Article;
import io.lede.common.config.LedeConfig;
import io.lede.common.error.Problem;
import io.lede.common.error.ProblemException;
import io.lede.common.http.CachePolicy;
import io.lede.common.http.QueryParams;
import io.lede.common.http.Representations;
import io.lede.common.http.SurrogateKeys;
import io.lede.image.ImageService;
import io.lede.image.ImageView;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/v1/feeds")
@Tag(name = "Delivery")
public class FeedResource {

    static final String LATEST = "latest";
    static final int ITEMS = 50;

    private final DeliveryService delivery;
    private final ImageService images;
    private final FeedWriter writer;
    private final Representations representations;
    private final LedeConfig config;
    private final SecurityIdentity caller;

    public FeedResource(DeliveryService delivery, ImageService images, FeedWriter writer, Representations representations,
            LedeConfig config, SecurityIdentity caller) {
        this.delivery = delivery;
        this.images = images;
        this.writer = writer;
        this.representations = representations;
        this.config = config;
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
            @Content(mediaType = "application/feed+json", schema = @Schema(type = SchemaType.OBJECT)) })
    @APIResponse(responseCode = "404", description = "No such section", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response feed(@Context Request request, @Context UriInfo uriInfo,
            @RestPath @Parameter(description = "latest, or a section name", example = "world") String name,
            @RestPath @Parameter(description = "rss, atom or json", schema = @Schema(type = SchemaType.STRING, enumeration = { "rss", "atom", "json" })) String format,
            @RestQuery @Parameter(description = "Only this language (BCP-47); overrides Accept-Language", example = "en") String lang,
            @RestHeader("Accept-Language") @Parameter(hidden = true) String acceptLanguage) {
        String section = LATEST.equals(name) ? null : name;
        if (section != null && !delivery.sectionExists(section)) {
            throw ProblemException.notFound("section", name);
        }
        Optional<String> language = delivery.language(QueryParams.language(lang, "lang"), acceptLanguage);
        List<Article> articles = delivery.newest(section, language.orElse(null), ITEMS);
        Map<UUID, ImageView> leadImages = images.views(articles.stream().map(a -> a.leadImageId).filter(Objects::nonNull).toList());
        String apiBase = config.publicUrl().orElse(uriInfo.getBaseUri().toString());
        FeedWriter.Format type = FeedWriter.Format.of(format);
        String site = config.siteUrl().replaceAll("/+$", "");
        FeedWriter.Channel channel = new FeedWriter.Channel(
                section == null ? "Lede: latest" : "Lede: " + section,
                section == null ? "The newest stories" : "The newest stories in " + section,
                section == null ? site : site + "/" + section,
                FeedWriter.absolute(apiBase, uriInfo.getRequestUri().getRawPath()),
                language.orElse(null));
        Response.ResponseBuilder response = representations.conditional(request,
                writer.write(type, channel, articles, leadImages, apiBase), type.mediaType(),
                CachePolicy.of(!caller.isAnonymous(), true))
                .header(HttpHeaders.VARY, "Accept-Language");
        SurrogateKeys keys = SurrogateKeys.of("feeds").sectionList(section);
        if (lang == null && acceptLanguage != null && !acceptLanguage.isBlank()) {
            // The language was picked among those published, which any publication may change.
            keys.add(SurrogateKeys.ALL_SECTIONS);
        }
        articles.forEach(article -> keys.add("article", article.id));
        leadImages.keySet().forEach(image -> keys.add("image", image));
        response.header(SurrogateKeys.HEADER, keys.value());
        language.ifPresent(tag -> response.header(HttpHeaders.CONTENT_LANGUAGE, tag));
        return response.build();
    }
}
