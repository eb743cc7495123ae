package io.lede.openapi;

import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.info.Contact;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.servers.Server;

import io.lede.error.Problem;

/** The document's header and the two ways to present a token. */
@OpenAPIDefinition(
        info = @Info(
                title = "Lede content API",
                version = "1.0",
                description = "Articles, images and quotes of a newsroom as JSON. Reads of published content are public; "
                        + "everything else takes a token. Errors are RFC 9457 problem details. Lists page by opaque cursor.",
                contact = @Contact(name = "Lede", url = "https://news.example.com/developers"),
                license = @License(name = "Proprietary", url = "https://news.example.com/developers/terms")),
        // x-internal and the environment words tell tools (and OWASP's inventory rules) who the server is for.
        servers = @Server(url = "/", description = "This server: production, staging or local, wherever the document is served",
                extensions = @Extension(name = "x-internal", value = "false", parseValue = true)),
        components = @Components(responses = {
                @APIResponse(name = LedeApiDefinition.NOT_MODIFIED, description = "Not modified since the ETag in If-None-Match"),
                @APIResponse(name = LedeApiDefinition.BAD_REQUEST, description = "The request is malformed or invalid; errors names the fields",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = LedeApiDefinition.UNAUTHORIZED, description = "No token where one is needed, or the token is unknown or revoked",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = LedeApiDefinition.FORBIDDEN, description = "The token's role may not do this",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = LedeApiDefinition.STALE, description = "If-Match is stale: the item changed meanwhile; nothing was changed",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = LedeApiDefinition.TOO_LARGE, description = "The body is larger than lede.max-body-bytes",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = LedeApiDefinition.UNSUPPORTED, description = "The Content-Type is not the one this operation accepts",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = LedeApiDefinition.TOO_MANY, description = "Over a rate limit (per address, per reader token, "
                        + "or for repeated failed authentication); RateLimit headers say where the caller stands",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = LedeApiDefinition.IF_MATCH_REQUIRED, description = "If-Match is missing",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = LedeApiDefinition.NOT_ACCEPTABLE, description = "The Accept header rules out every media type this operation answers with",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = LedeApiDefinition.UNAVAILABLE, description = "The database (or, for images, the image store) does not "
                        + "answer, or every rendition slot stayed busy; retry after Retry-After seconds",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))) }))
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "A Lede token: Authorization: Bearer <token>")
@SecurityScheme(securitySchemeName = "apiKey", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER,
        apiKeyName = "X-Api-Key", description = "The same token in X-Api-Key, for partners")
public class LedeApiDefinition extends Application {

    /**
     * Shared responses, referenced by name: by {@link SharedResponses} for what follows from what an
     * operation is, and by an operation that has one for its own reason: {@code @APIResponse(responseCode = "403", ref = FORBIDDEN)}.
     */
    public static final String NOT_MODIFIED = "NotModified";
    public static final String BAD_REQUEST = "BadRequest";
    public static final String UNAUTHORIZED = "Unauthorized";
    public static final String FORBIDDEN = "Forbidden";
    public static final String STALE = "PreconditionFailed";
    public static final String TOO_LARGE = "ContentTooLarge";
    public static final String UNSUPPORTED = "UnsupportedMediaType";
    public static final String IF_MATCH_REQUIRED = "PreconditionRequired";
    public static final String TOO_MANY = "TooManyRequests";
    public static final String NOT_ACCEPTABLE = "NotAcceptable";
    public static final String UNAVAILABLE = "ServiceUnavailable";
}
