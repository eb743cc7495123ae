package io.lede.delivery;

import java.util.List;
import java.util.Optional;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
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
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestQuery;

import io.lede.cache.SurrogateKeys;
import io.lede.http.Representations;
import io.lede.input.FieldSelection;
import io.lede.input.QueryParams;
import io.lede.paging.CursorPage;
import io.lede.security.Audience;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/v1/headlines")
@Tag(name = "Delivery", description = "For partner sites and apps: headlines, sections, feeds, oEmbed, sync")
@Produces(MediaType.APPLICATION_JSON)
public class HeadlineResource {

    private final DeliveryService delivery;
    private final Representations representations;
    private final SecurityIdentity caller;

    public HeadlineResource(DeliveryService delivery, Representations representations, SecurityIdentity caller) {
        this.delivery = delivery;
        this.representations = representations;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Latest headlines", description = "A compact list of the newest published articles, open to any origin (CORS). "
            + "Without lang, Accept-Language picks the language (Content-Language says which).")
    @APIResponse(responseCode = "200", description = "Headlines, newest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HeadlinePage.class)))
    public Response list(@Context Request request,
            @RestQuery @Parameter(description = "Only this section", example = "world") String section,
            @RestQuery @Parameter(description = "Only this language (BCP-47); overrides Accept-Language", example = "en") String lang,
            @RestQuery @Parameter(description = "How many", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "50", defaultValue = "10")) String limit,
            @RestHeader("Accept-Language") @Parameter(hidden = true) String acceptLanguage) {
        Optional<String> language = delivery.language(QueryParams.language(lang, "lang"), acceptLanguage);
        String sectionName = QueryParams.text(section, "section", 64);
        List<HeadlineView> headlines = delivery.headlines(sectionName, language.orElse(null),
                QueryParams.intInRange(limit, "limit", 10, 1, 50));
        Response.ResponseBuilder response = representations.page(request, new CursorPage<>(headlines, null, null),
                FieldSelection.ALL, Audience.of(caller).cachePolicy())
                .header(HttpHeaders.VARY, "Accept-Language");
        SurrogateKeys keys = SurrogateKeys.of("headlines").sectionList(sectionName);
        if (lang == null && acceptLanguage != null && !acceptLanguage.isBlank()) {
            // The language was picked among those published, which any publication may change.
            keys.add(SurrogateKeys.ALL_SECTIONS);
        }
        headlines.forEach(headline -> keys.add("article", headline.id()));
        response.header(SurrogateKeys.HEADER, keys.value());
        language.ifPresent(tag -> response.header(HttpHeaders.CONTENT_LANGUAGE, tag));
        return response.build();
    }

    /** The shape of the response, for the OpenAPI document. */
    @Schema(name = "HeadlinePage")
    record HeadlinePage(
            @Schema(required = true) List<HeadlineView> items,
            @Schema(required = true, nullable = true, type = SchemaType.STRING, description = "Always null: one page") String next) {
    }
}
