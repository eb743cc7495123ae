package io.lede.image;

import java.io.IOException;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
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
import io.lede.error.Problem;
import io.lede.error.ProblemException;
import io.lede.http.IfMatch;
import io.lede.http.Representations;
import io.lede.input.FieldSelection;
import io.lede.input.QueryParams;
import io.lede.paging.Page;
import io.lede.paging.PageParams;
import io.lede.paging.TimeKeyset;
import io.lede.paging.TimeOrder;
import io.lede.security.Audience;
import io.lede.security.Roles;
import io.lede.text.Ids;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;

@Path("/v1/images")
@Tag(name = "Images", description = "Pictures with caption and credit, and renditions sized for each screen")
@Produces(MediaType.APPLICATION_JSON)
public class ImageResource {

    static final String MERGE_PATCH = "application/merge-patch+json";
    /** Renditions never change for a URL: a different picture or crop is a different URL. */
    static final String IMMUTABLE = "public, max-age=31536000, immutable";

    private final ImageService images;
    private final Representations representations;
    private final SecurityIdentity caller;
    private final Validator validator;

    public ImageResource(ImageService images, Representations representations, SecurityIdentity caller, Validator validator) {
        this.images = images;
        this.representations = representations;
        this.caller = caller;
        this.validator = validator;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(Roles.EDITOR)
    @SecurityRequirement(name = "bearer")
    @SecurityRequirement(name = "apiKey")
    @Operation(summary = "Upload an image", description = "The format is decided by the file's bytes. Size and pixel count "
            + "are limited (lede.images.max-bytes, lede.images.max-pixels, read from the header before decoding). "
            + "The pixel data must all be there: a file far too short for the size its header declares, a truncated "
            + "file or a header alone is refused (it is decoded, subsampled, to make sure). "
            + "A file that is not a JPEG, PNG, WebP or GIF is 415, like a body that is not multipart/form-data. "
            + "A refused upload leaves nothing behind.")
    @RequestBody(content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA, schema = @Schema(implementation = ImageUpload.class)))
    @APIResponse(responseCode = "201", description = "Stored; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImageView.class)))
    @APIResponse(responseCode = "400", description = "No file, invalid metadata, a malformed multipart body, or a corrupt, truncated or header-only image", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "The file or its pixel count is over the limit, or the body has too many parts", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response upload(ImageUpload upload, @Context UriInfo uriInfo) throws IOException {
        if (upload == null || upload.file == null || upload.file.uploadedFile() == null) {
            throw ProblemException.invalid("file", "an image file is required in the part named file");
        }
        ImageMetadata metadata = new ImageMetadata(FormFields.text("caption", upload.caption, true),
                FormFields.text("credit", upload.credit, false), FormFields.text("altText", upload.altText, false),
                FormFields.text("creator", upload.creator, false), FormFields.text("copyrightNotice", upload.copyrightNotice, true),
                ImageParams.focalPoint(FormFields.text("focalPoint", upload.focalPoint, false)));
        Set<ConstraintViolation<ImageMetadata>> violations = validator.validate(metadata);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(new HashSet<>(violations));
        }
        ImageView created = images.upload(upload.file.uploadedFile(), upload.file.size(), metadata);
        URI location = uriInfo.getBaseUriBuilder().path("v1/images").path(created.id()).build();
        return representations.written(created).status(Response.Status.CREATED).location(location).build();
    }

    @GET
    @Operation(summary = "List images", description = "Newest first.")
    @APIResponse(responseCode = "200", description = "A page of images",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImagePage.class)))
    public Response list(@Context UriInfo uriInfo, @Context Request request, @BeanParam PageParams paging,
            @RestQuery @Parameter(description = "Full-text search over caption, alt text and credit") String q,
            @RestQuery @Parameter(description = "Only images whose credit contains this (case-insensitive)", example = "AFP") String credit,
            @RestQuery @Parameter(description = "Comma-separated fields to return for each item", example = "id,caption,renditions") String fields) {
        FieldSelection selection = FieldSelection.parse(fields, ImageView.FIELDS);
        Page<ImageView> page = images.list(QueryParams.text(q, "q", 200), QueryParams.text(credit, "credit", 300),
                paging.after(TimeOrder.NEWEST.apiName(), TimeKeyset.CURSOR_SIZE), paging.limit(), paging.count());
        SurrogateKeys keys = SurrogateKeys.of(SurrogateKeys.IMAGES);
        page.items().forEach(image -> keys.add("image", image.id()));
        return representations.page(request, page.body(uriInfo), selection, audience().cachePolicy()).header(SurrogateKeys.HEADER, keys.value()).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get an image's metadata", description = "With the URLs of the original and of each configured rendition.")
    @APIResponse(responseCode = "200", description = "The image",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImageView.class),
                    examples = @ExampleObject(name = "image", value = ImageExamples.IMAGE)))
    @APIResponse(responseCode = "404", description = "No image with this id", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@RestPath String id, @Context Request request,
            @RestQuery @Parameter(description = "Comma-separated fields to return", example = "id,renditions") String fields) {
        FieldSelection selection = FieldSelection.parse(fields, ImageView.FIELDS);
        return representations.item(request, images.find(id), selection, audience().cachePolicy())
                .header(SurrogateKeys.HEADER, SurrogateKeys.of().add("image", canonical(id)).value()).build();
    }

    @GET
    @Path("/{id}/content")
    @Produces({ "image/jpeg", "image/png", "image/webp", "image/gif", Problem.MEDIA_TYPE })
    // Renditions decode and encode pictures, and may wait for a slot: never on the event loop.
    @Blocking
    @Operation(summary = "Get the image file or a rendition",
            description = "Without parameters the original bytes. With w and/or h a rendition, generated once and cached: "
                    + "contain (default) fits inside w×h, cover fills exactly w×h cropping around the focal point. "
                    + "Sizes come in steps (lede.images.widths, by default 160, 320, 480, 640, 800, 1024, 1280, 1600, 2048): "
                    + "w is rounded up to the next step (above the largest, down to it), h given with w is scaled by the "
                    + "same factor, h alone is rounded up to a step; Content-Location names the rendition served, "
                    + "so w=300 and w=320 give the same bytes and ETag. Never larger than the original, nor decoded "
                    + "from more than about 12.6 megapixels (large originals are decoded subsampled); EXIF orientation "
                    + "applied and EXIF metadata removed. When the configured number of renditions is already being "
                    + "generated, a new one waits briefly, then gets 503 with Retry-After.")
    @APIResponse(responseCode = "200", description = "The bytes; cached for a year, immutable",
            headers = @Header(name = "Content-Location", description = "For a rendition: its URL with the sizes snapped to steps",
                    schema = @Schema(type = SchemaType.STRING)),
            content = { @Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = "image/webp", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = "image/gif", schema = @Schema(type = SchemaType.STRING, format = "binary")) })
    @APIResponse(responseCode = "404", description = "No image with this id", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Too many renditions being generated; retry after Retry-After seconds",
            headers = @Header(name = "Retry-After", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response content(@RestPath String id, @Context Request request,
            @RestQuery @Parameter(description = "Width in pixels, rounded up to the next step (lede.images.widths; "
                    + "by default 160, 320, 480, 640, 800, 1024, 1280, 1600, 2048; above the largest: the largest)",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "4096")) String w,
            @RestQuery @Parameter(description = "Height in pixels; with w, scaled by the factor w was rounded by; "
                    + "alone, rounded up to the next step like w",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "4096")) String h,
            @RestQuery @Parameter(description = "contain (default) or cover (needs w and h)", schema = @Schema(type = SchemaType.STRING, enumeration = { "contain", "cover" })) String fit,
            @RestQuery @Parameter(description = "Output format; default: the original's (PNG for GIF). auto: WebP when "
                    + "the Accept header names image/webp, else the default; answered with Vary: Accept",
                    schema = @Schema(type = SchemaType.STRING, enumeration = { "jpeg", "png", "webp", "auto" })) String format,
            @RestHeader("Accept") String accept) throws IOException {
        ImageService.Content content = images.content(id, ImageParams.spec(w, h, fit, format, accept));
        EntityTag tag = new EntityTag(content.etag());
        Response.ResponseBuilder notModified = representations.preconditions(request, tag);
        Response.ResponseBuilder builder = notModified != null ? notModified
                : Response.ok(content.bytes(), content.mimeType()).header(HttpHeaders.CONTENT_LENGTH, content.bytes().length);
        if (content.canonicalQuery() != null) {
            builder.header("Content-Location", "/v1/images/" + id + "/content?" + content.canonicalQuery());
        }
        if (ImageParams.AUTO.equals(format)) {
            // One URL, one variant per Accept: shared caches must keep them apart (docker/varnish normalises Accept).
            builder.header(HttpHeaders.VARY, HttpHeaders.ACCEPT);
        }
        return builder.tag(tag).header(HttpHeaders.CACHE_CONTROL, IMMUTABLE)
                .header(SurrogateKeys.HEADER, SurrogateKeys.of().add("image", canonical(id)).value()).build();
    }

    /** The id as writes name it (lower-case UUID), however the path spelled it: the surrogate key must match. */
    private static String canonical(String id) {
        return Ids.parse(id).map(UUID::toString).orElse(id);
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MERGE_PATCH)
    @RolesAllowed(Roles.EDITOR)
    @SecurityRequirement(name = "bearer")
    @SecurityRequirement(name = "apiKey")
    @Operation(summary = "Change an image's metadata (JSON Merge Patch)", description = "caption, credit, altText, creator, copyrightNotice, focalPoint. Needs If-Match.")
    @RequestBody(content = @Content(mediaType = MERGE_PATCH, schema = @Schema(implementation = ImageMetadata.class),
            examples = @ExampleObject(name = "patch", value = ImageExamples.PATCH)))
    @APIResponse(responseCode = "200", description = "Changed", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImageView.class)))
    @APIResponse(responseCode = "404", description = "No image with this id", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response patch(@RestPath String id, JsonNode patch,
            @RestHeader("If-Match") @Parameter(description = "ETag of the version being changed") String ifMatch) {
        return representations.written(images.patch(id, patch, IfMatch.required(ifMatch))).build();
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @SecurityRequirement(name = "bearer")
    @SecurityRequirement(name = "apiKey")
    @Operation(summary = "Delete an image", description = "Admin only. Refused (409) while a published or scheduled article uses it; "
            + "removes the file and its renditions. If-Match is optional and checked when sent.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No image with this id", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A published or scheduled article uses it", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response delete(@RestPath String id,
            @RestHeader("If-Match") @Parameter(description = "Optional: ETag of the version being deleted") String ifMatch) {
        images.delete(id, IfMatch.optional(ifMatch));
        return Response.noContent().build();
    }

    private Audience audience() {
        return Audience.of(caller);
    }

    /** The shape of a list response, for the OpenAPI document. */
    @Schema(name = "ImagePage")
    record ImagePage(
            @Schema(required = true) List<ImageView> items,
            @Schema(required = true, nullable = true, type = SchemaType.STRING, description = "Relative URL of the next page; null on the last") String next,
            @Schema(description = "Number of matching images; only with count=true") Long total) {
    }

}
