package io.lede.delivery;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.lede.cache.SurrogateKeys;
import io.lede.http.Representations;
import io.lede.input.FieldSelection;
import io.lede.paging.CursorPage;
import io.lede.security.Audience;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/v1/sections")
@Tag(name = "Delivery")
@Produces(MediaType.APPLICATION_JSON)
public class SectionResource {

    private final DeliveryService delivery;
    private final Representations representations;
    private final SecurityIdentity caller;

    public SectionResource(DeliveryService delivery, Representations representations, SecurityIdentity caller) {
        this.delivery = delivery;
        this.representations = representations;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "List sections", description = "Every section with published articles, by name, with counts. "
            + "Cached publicly like other published content.")
    @APIResponse(responseCode = "200", description = "The sections",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SectionPage.class)))
    public Response list(@Context Request request) {
        return representations.page(request, new CursorPage<>(delivery.sections(), null, null), FieldSelection.ALL,
                Audience.of(caller).cachePolicy()).header(SurrogateKeys.HEADER, SurrogateKeys.of("sections", SurrogateKeys.ALL_SECTIONS).value()).build();
    }

    /** The shape of the response, for the OpenAPI document. */
    @Schema(name = "SectionPage")
    record SectionPage(
            @Schema(required = true) List<SectionView> items,
            @Schema(required = true, nullable = true, type = SchemaType.STRING, description = "Always null: one page") String next) {
    }
}
