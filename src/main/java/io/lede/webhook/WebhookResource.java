package io.lede.webhook;

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

import com.fasterxml.jackson.databind.JsonNode;

import io.lede.error.Problem;
import io.lede.http.CachePolicy;
import io.lede.http.IfMatch;
import io.lede.http.Representations;
import io.lede.input.FieldSelection;
import io.lede.paging.CursorPage;
import io.lede.paging.PageLinks;
import io.lede.paging.PageParams;
import io.lede.security.Roles;

@Path("/v1/admin/webhooks")
@Tag(name = "Webhooks", description = "Admin: endpoints that are told of content changes, signed per Standard Webhooks 1.0")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@SecurityRequirement(name = "bearer")
@SecurityRequirement(name = "apiKey")
public class WebhookResource {

    static final String MERGE_PATCH = "application/merge-patch+json";

    private final WebhookService webhooks;
    private final Representations representations;

    public WebhookResource(WebhookService webhooks, Representations representations) {
        this.webhooks = webhooks;
        this.representations = representations;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register an endpoint", description = "The signing secret (whsec_...) is in this response only; "
            + "it is stored encrypted. The URL must be http(s) and must not resolve to a loopback, link-local or private address.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookRequest.class),
            examples = @ExampleObject(name = "endpoint", value = WebhookExamples.REQUEST)))
    @APIResponse(responseCode = "201", description = "Registered; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RegisteredWebhookView.class)))
    @APIResponse(responseCode = "503", description = "Webhooks are not configured here: lede.webhooks.secret-key is not set",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response register(@Valid @NotNull WebhookRequest endpoint, @Context UriInfo uriInfo) {
        WebhookService.Registered registered = webhooks.register(endpoint);
        URI location = uriInfo.getBaseUriBuilder().path("v1/admin/webhooks").path(registered.view().id()).build();
        return Response.created(location).header(HttpHeaders.CACHE_CONTROL, "no-store")
                .entity(RegisteredWebhookView.of(registered.view(), registered.secret())).build();
    }

    @GET
    @Operation(summary = "List endpoints", description = "Newest first, never with their secrets.")
    @APIResponse(responseCode = "200", description = "All endpoints",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookPage.class)))
    public Response list(@Context Request request) {
        return representations.page(request, new CursorPage<>(webhooks.list(), null, null), FieldSelection.ALL, CachePolicy.PRIVATE)
                .build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get an endpoint", description = "Without its secret; ETag is what PATCH and DELETE check.")
    @APIResponse(responseCode = "200", description = "The endpoint",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookView.class)))
    @APIResponse(responseCode = "404", description = "No endpoint with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@RestPath String id, @Context Request request) {
        return representations.item(request, webhooks.find(id), FieldSelection.ALL, CachePolicy.PRIVATE).build();
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MERGE_PATCH)
    @Operation(summary = "Change an endpoint (JSON Merge Patch)", description = "url, events, description, disabled; RFC 7396, "
            + "the result checked as a whole. Needs If-Match. disabled=false resumes deliveries and forgets past failures.")
    @RequestBody(content = @Content(mediaType = MERGE_PATCH, schema = @Schema(type = SchemaType.OBJECT),
            examples = @ExampleObject(name = "patch", value = WebhookExamples.PATCH)))
    @APIResponse(responseCode = "200", description = "Changed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookView.class)))
    @APIResponse(responseCode = "404", description = "No endpoint with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response patch(@RestPath String id, JsonNode patch,
            @RestHeader("If-Match") @Parameter(description = "ETag of the version being changed") String ifMatch) {
        return representations.written(webhooks.patch(id, patch, IfMatch.required(ifMatch))).build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete an endpoint", description = "With its pending messages and its delivery log. "
            + "If-Match is optional and checked when sent.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No endpoint with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response delete(@RestPath String id,
            @RestHeader("If-Match") @Parameter(description = "Optional: ETag of the version being deleted") String ifMatch) {
        webhooks.delete(id, IfMatch.optional(ifMatch));
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(summary = "An endpoint's delivery log", description = "Every attempt, newest first; messageId is the webhook-id "
            + "header, the same on every attempt of one message.")
    @APIResponse(responseCode = "200", description = "A page of attempts; the next page is in next and in the Link header",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeliveryPage.class)))
    @APIResponse(responseCode = "404", description = "No endpoint with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response deliveries(@RestPath String id, @BeanParam PageParams paging, @Context UriInfo uriInfo,
            @Context Request request) {
        WebhookService.Deliveries page = webhooks.deliveries(id, paging.after(WebhookService.NEWEST, 2), paging.limit());
        return representations.page(request, new CursorPage<>(page.items(), PageLinks.next(uriInfo, page.next()), null),
                FieldSelection.ALL, CachePolicy.PRIVATE).build();
    }

    @POST
    @Path("/{id}/deliveries/{deliveryId}/retry")
    @Operation(summary = "Send a delivery's message again now", description = "With the same webhook-id. A message whose "
            + "retries were spent gets one more attempt.")
    @APIResponse(responseCode = "202", description = "Due now",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeliveryView.Retry.class)))
    @APIResponse(responseCode = "404", description = "No endpoint with this id, or no such delivery of it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The endpoint is disabled",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response retry(@RestPath String id, @RestPath String deliveryId) {
        return Response.accepted(webhooks.retry(id, deliveryId)).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    /** The shape of the list response, for the OpenAPI document. */
    @Schema(name = "WebhookPage")
    record WebhookPage(
            @Schema(required = true) List<WebhookView> items,
            @Schema(required = true, nullable = true, type = SchemaType.STRING, description = "Always null: endpoints fit on one page")
            String next) {
    }

    /** The shape of the delivery log, for the OpenAPI document. */
    @Schema(name = "WebhookDeliveryPage")
    record DeliveryPage(
            @Schema(required = true) List<DeliveryView> items,
            @Schema(required = true, nullable = true, description = "Relative URL of the next page; null on the last") String next) {
    }
}
