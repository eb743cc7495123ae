package io.lede.openapi;

import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.PathItem.HttpMethod;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * The response headers a client may read, declared once in {@code components.headers} and
 * referenced from the responses that carry them, by what the response is:
 * <ul>
 * <li>{@code X-Request-Id} on every response (RequestIds);
 * <li>{@code RateLimit} and {@code RateLimit-Policy} on every success and 4xx under {@code /v1/}
 * (RateLimitFilter, for the callers it limits); {@code Retry-After} on 429 and 503;
 * <li>{@code ETag} on every 2xx with a JSON or feed body and on 304 (Representations), so that a
 * generated client can read the tag it sends back in {@code If-Match};
 * <li>{@code Location} on 201;
 * <li>{@code Surrogate-Key} on the success of public reads (the ones that answer 304);
 * <li>{@code Link} on lists that page by cursor ({@code rel="next"}) and on an article
 * ({@code rel="alternate"}, its oEmbed card).
 * </ul>
 */
final class SharedHeaders {

    static final String ETAG = "ETag";
    static final String LOCATION = "Location";
    static final String LINK = "Link";
    static final String RETRY_AFTER = "Retry-After";
    static final String RATE_LIMIT = "RateLimit";
    static final String RATE_LIMIT_POLICY = "RateLimit-Policy";
    static final String SURROGATE_KEY = "Surrogate-Key";
    static final String REQUEST_ID = "X-Request-Id";

    private SharedHeaders() {
    }

    static void apply(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        declare(components);
        if (components.getResponses() != null) {
            for (Map.Entry<String, APIResponse> shared : components.getResponses().entrySet()) {
                int status = Integer.parseInt(codeOf(shared.getKey()));
                describe(shared.getValue(), status, null, null, true);
            }
        }
        if (openAPI.getPaths() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            for (Map.Entry<HttpMethod, Operation> operation : path.getValue().getOperations().entrySet()) {
                if (operation.getValue().getResponses() == null) {
                    continue;
                }
                for (Map.Entry<String, APIResponse> response : operation.getValue().getResponses().getAPIResponses().entrySet()) {
                    if (response.getValue().getRef() == null) {
                        describe(response.getValue(), Integer.parseInt(response.getKey()), operation.getKey(), operation.getValue(),
                                path.getKey().startsWith("/v1/"));
                    }
                }
            }
        }
    }

    /** The status of a shared response component, by its name in {@link LedeApiDefinition}. */
    private static String codeOf(String component) {
        return switch (component) {
            case LedeApiDefinition.NOT_MODIFIED -> "304";
            case LedeApiDefinition.BAD_REQUEST -> "400";
            case LedeApiDefinition.UNAUTHORIZED -> "401";
            case LedeApiDefinition.FORBIDDEN -> "403";
            case LedeApiDefinition.NOT_ACCEPTABLE -> "406";
            case LedeApiDefinition.STALE -> "412";
            case LedeApiDefinition.TOO_LARGE -> "413";
            case LedeApiDefinition.UNSUPPORTED -> "415";
            case LedeApiDefinition.IF_MATCH_REQUIRED -> "428";
            case LedeApiDefinition.TOO_MANY -> "429";
            case LedeApiDefinition.UNAVAILABLE -> "503";
            default -> throw new IllegalStateException("No status known for the shared response " + component);
        };
    }

    /** Adds the header references a response of this status carries; {@code operation} is null for a shared one. */
    private static void describe(APIResponse response, int status, HttpMethod method, Operation operation, boolean limited) {
        Map<String, Header> headers = new LinkedHashMap<>();
        boolean success = status >= 200 && status < 300;
        boolean hasBody = response.getContent() != null && response.getContent().getMediaTypes() != null
                && !response.getContent().getMediaTypes().isEmpty();
        boolean stream = hasBody && response.getContent().getMediaTypes().containsKey("text/event-stream");
        boolean image = hasBody && response.getContent().getMediaTypes().keySet().stream().allMatch(type -> type.startsWith("image/"));
        if ((success && hasBody && !stream) || status == 304) {
            headers.put(ETAG, ref(ETAG));
        }
        if (status == 201) {
            headers.put(LOCATION, ref(LOCATION));
        }
        if (success && operation != null && method == HttpMethod.GET && !stream && !image && operation.getSecurity() == null) {
            headers.put(SURROGATE_KEY, ref(SURROGATE_KEY));
        }
        if (success && operation != null && method == HttpMethod.GET && (pages(operation) || isArticle(response))) {
            headers.put(LINK, ref(LINK));
        }
        if (status == 429 || status == 503) {
            headers.put(RETRY_AFTER, ref(RETRY_AFTER));
        }
        if (limited && (success || (status >= 400 && status < 500))) {
            headers.put(RATE_LIMIT, ref(RATE_LIMIT));
            headers.put(RATE_LIMIT_POLICY, ref(RATE_LIMIT_POLICY));
        }
        headers.put(REQUEST_ID, ref(REQUEST_ID));
        if (response.getHeaders() != null) {
            // What the operation declares itself (Content-Location) stays, after the shared ones.
            response.getHeaders().forEach(headers::putIfAbsent);
        }
        response.setHeaders(headers);
    }

    private static boolean pages(Operation operation) {
        return operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> p.getIn() == Parameter.In.QUERY && "cursor".equals(p.getName()));
    }

    private static boolean isArticle(APIResponse response) {
        return response.getContent() != null && response.getContent().getMediaType("application/json") != null
                && response.getContent().getMediaType("application/json").getSchema() != null
                && String.valueOf(describeRefs(response.getContent().getMediaType("application/json").getSchema()))
                        .contains("/Article\"");
    }

    /** The refs a schema is made of (itself, or its anyOf), to recognise what a response returns. */
    private static String describeRefs(Schema schema) {
        StringBuilder refs = new StringBuilder();
        if (schema.getRef() != null) {
            refs.append(schema.getRef()).append('"');
        }
        if (schema.getAnyOf() != null) {
            schema.getAnyOf().forEach(option -> refs.append(describeRefs(option)));
        }
        return refs.toString();
    }

    private static Header ref(String name) {
        return OASFactory.createHeader().ref("#/components/headers/" + name);
    }

    private static void declare(Components components) {
        components.addHeader(ETAG, header("Strong tag of this representation; send it back in If-None-Match to revalidate "
                + "and in If-Match to change or delete exactly this version", string(64)));
        components.addHeader(LOCATION, header("The URL of the item just created", string(2000)));
        components.addHeader(LINK, header("RFC 8288 links: rel=\"next\" for the next page of a list (the same URL as next), "
                + "rel=\"alternate\" type=\"application/json+oembed\" for a published article's oEmbed card", unbounded()));
        components.addHeader(RETRY_AFTER, header("Seconds to wait before retrying",
                OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32").minimum(java.math.BigDecimal.ZERO)
                        .maximum(java.math.BigDecimal.valueOf(86_400))));
        components.addHeader(RATE_LIMIT, header("Where the caller stands in its rate limit (draft-ietf-httpapi-ratelimit-headers): "
                + "\"<policy>\";r=<remaining>;t=<seconds until reset>; sent to the callers that are limited "
                + "(anonymous and reader tokens)", string(200)));
        components.addHeader(RATE_LIMIT_POLICY, header("The caller's rate limit policy: \"<policy>\";q=<requests>;w=60", string(200)));
        components.addHeader(SURROGATE_KEY, header("Space-separated keys of what this response shows (article-<id>, section-<name>, "
                + "...), for purging caches by key; the same keys the change stream sends", unbounded()));
        components.addHeader(REQUEST_ID, header("This request's id: the caller's X-Request-Id when sane, otherwise a new one; "
                + "logged with the request", string(128).pattern("^[A-Za-z0-9._:-]{1,128}$")));
    }

    private static Header header(String description, Schema schema) {
        return OASFactory.createHeader().description(description).schema(schema);
    }

    /** A header as long as what it lists (a page's keys, the request's own query): no limit to declare. */
    private static Schema unbounded() {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING);
    }

    private static Schema string(int maxLength) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(maxLength);
    }
}
