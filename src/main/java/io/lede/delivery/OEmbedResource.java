package io.lede.delivery;

import java.util.Optional;

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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

import io.lede.article.ArticleConfig;
import io.lede.cache.SurrogateKeys;
import io.lede.error.Problem;
import io.lede.error.ProblemException;
import io.lede.error.ProblemType;
import io.lede.http.Representations;
import io.lede.input.FieldSelection;
import io.lede.input.QueryParams;
import io.lede.security.Audience;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/v1/oembed")
@Tag(name = "Delivery")
@Produces(MediaType.APPLICATION_JSON)
public class OEmbedResource {

    private final OEmbedService oembed;
    private final Representations representations;
    private final ArticleConfig config;
    private final SecurityIdentity caller;

    public OEmbedResource(OEmbedService oembed, Representations representations, ArticleConfig config, SecurityIdentity caller) {
        this.oembed = oembed;
        this.representations = representations;
        this.config = config;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "oEmbed for an article URL", description = "oEmbed 1.0: a rich headline card for a published article "
            + "of this site (its url field). Every article response links here (Link rel=alternate, application/json+oembed).")
    @APIResponse(responseCode = "200", description = "The embed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OEmbedView.class)))
    @APIResponse(responseCode = "404", description = "Not one of this site's published article URLs", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "501", description = "A format other than json was asked for", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response embed(@Context Request request, @Context UriInfo uriInfo,
            @RestQuery @Parameter(required = true, description = "An article's canonical URL", example = "https://news.example.com/world/harbour-reopens") String url,
            @RestQuery @Parameter(description = "Largest width the consumer can show; the card and its thumbnail fit in it",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "10000")) String maxwidth,
            @RestQuery @Parameter(description = "Largest height the consumer can show; the card and its thumbnail fit in it",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "10000")) String maxheight,
            @RestQuery @Parameter(description = "json (xml is not offered: 501)", schema = @Schema(type = SchemaType.STRING, defaultValue = "json")) String format) {
        if (format != null && !format.equalsIgnoreCase("json")) {
            throw new ProblemException(ProblemType.forStatus(501, "Only format=json is offered"));
        }
        String target = QueryParams.text(url, "url", 2000);
        if (target == null) {
            throw ProblemException.invalid("url", "is required: the canonical URL of an article");
        }
        Optional<Integer> width = Optional.ofNullable(maxwidth).map(w -> QueryParams.intInRange(w, "maxwidth", 0, 1, 10_000));
        Optional<Integer> height = Optional.ofNullable(maxheight).map(h -> QueryParams.intInRange(h, "maxheight", 0, 1, 10_000));
        OEmbedService.Embed embed = oembed.embed(target, width, height, uriInfo.getBaseUri().toString())
                .orElseThrow(() -> ProblemException.of(ProblemType.NOT_FOUND, "Not a published article of " + config.siteUrl()));
        return representations.item(request, embed.view(), FieldSelection.ALL, Audience.of(caller).cachePolicy())
                .header(SurrogateKeys.HEADER, SurrogateKeys.of("oembed").add("article", embed.articleId())
                        .add("image", embed.imageId()).value()).build();
    }
}
