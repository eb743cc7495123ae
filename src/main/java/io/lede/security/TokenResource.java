package io.lede.security;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

import io.lede.error.Problem;
import io.lede.error.ProblemException;
import io.lede.paging.CursorPage;

@Path("/v1/admin/tokens")
@Tag(name = "Tokens", description = "Admin: API tokens for partners, editors and admins")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@SecurityRequirement(name = "bearer")
@SecurityRequirement(name = "apiKey")
public class TokenResource {

    private final TokenService tokens;

    public TokenResource(TokenService tokens) {
        this.tokens = tokens;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a token", description = "The secret is in this response only; it is stored as a hash.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IssuedTokenView.class)))
    public Response create(@Valid @NotNull TokenRequest token, @Context UriInfo uriInfo) {
        TokenService.Issued issued = tokens.issue(token.name(), token.role());
        URI location = uriInfo.getBaseUriBuilder().path("v1/admin/tokens").path(issued.token().id.toString()).build();
        return Response.created(location).header(HttpHeaders.CACHE_CONTROL, "no-store")
                .entity(IssuedTokenView.of(issued)).build();
    }

    @GET
    @Operation(summary = "List tokens", description = "Newest first, revoked ones included, never with their secrets.")
    @APIResponse(responseCode = "200", description = "All tokens", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TokenPage.class)))
    public Response list() {
        List<TokenView> items = tokens.list().stream().map(TokenView::of).toList();
        return Response.ok(new CursorPage<>(items, null, null)).header(HttpHeaders.CACHE_CONTROL, "private, no-store").build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Revoke a token", description = "It stops working at once. Once revoked it is gone as far as this operation goes: revoking it again is a 404.")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "404", description = "No token with this id, or it is already revoked", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response revoke(@RestPath String id) {
        UUID tokenId;
        try {
            tokenId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("token", id);
        }
        tokens.revoke(tokenId);
        return Response.noContent().build();
    }

    /** The shape of the list response, for the OpenAPI document. */
    @Schema(name = "TokenPage")
    record TokenPage(
            @Schema(required = true) List<TokenView> items,
            @Schema(required = true, nullable = true, type = SchemaType.STRING, description = "Always null: tokens fit on one page") String next) {
    }
}
