package io.lede.quote;

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
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.lede.cache.SurrogateKeys;
import io.lede.error.Problem;
import io.lede.http.Representations;
import io.lede.input.FieldSelection;
import io.lede.input.QueryParams;
import io.lede.paging.Page;
import io.lede.paging.PageParams;
import io.lede.security.Audience;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/v1/speakers")
@Tag(name = "Speakers", description = "The people quoted, with how often and in which roles")
@Produces(MediaType.APPLICATION_JSON)
public class SpeakerResource {

    private final QuoteService quotes;
    private final Representations representations;
    private final SecurityIdentity caller;

    public SpeakerResource(QuoteService quotes, Representations representations, SecurityIdentity caller) {
        this.quotes = quotes;
        this.representations = representations;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "List speakers", description = "In name order, with quoteCount and latestQuoteAt over the quotes the caller may see.")
    @APIResponse(responseCode = "200", description = "A page of speakers",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SpeakerPage.class)))
    public Response list(@Context UriInfo uriInfo, @Context Request request, @BeanParam PageParams paging,
            @RestQuery @Parameter(description = "Part of the speaker's name (case, accents and spaces ignored)", example = "marren") String q) {
        Page<SpeakerView> page = quotes.speakers(QueryParams.text(q, "q", 200),
                paging.after(SpeakerQuery.SORT, SpeakerQuery.CURSOR_SIZE), paging.limit(), paging.count(), audience());
        return representations.page(request, page.body(uriInfo), FieldSelection.ALL, audience().cachePolicy())
                .header(SurrogateKeys.HEADER, SurrogateKeys.of(SurrogateKeys.SPEAKERS, SurrogateKeys.QUOTE_VISIBILITY).value()).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a speaker", description = "With every role their quotes give, latest first.")
    @APIResponse(responseCode = "200", description = "The speaker",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SpeakerView.class),
                    examples = @ExampleObject(name = "speaker", value = QuoteExamples.SPEAKER)))
    @APIResponse(responseCode = "404", description = "No speaker with this id is visible to the caller", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@RestPath String id, @Context Request request) {
        SpeakerView speaker = quotes.speaker(id, audience());
        return representations.item(request, speaker, FieldSelection.ALL, audience().cachePolicy())
                .header(SurrogateKeys.HEADER, SurrogateKeys.of(SurrogateKeys.QUOTE_VISIBILITY).add("speaker", speaker.id()).value())
                .build();
    }

    private Audience audience() {
        return Audience.of(caller);
    }

    /** The shape of a list response, for the OpenAPI document. */
    @Schema(name = "SpeakerPage")
    record SpeakerPage(
            @Schema(required = true) List<SpeakerView> items,
            @Schema(required = true, nullable = true, type = SchemaType.STRING, description = "Relative URL of the next page; null on the last") String next,
            @Schema(description = "Number of matching speakers; only with count=true") Long total) {
    }
}
