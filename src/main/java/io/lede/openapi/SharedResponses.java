package io.lede.openapi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.PathItem.HttpMethod;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Responses that follow from what an operation is, declared once here instead of on each method.
 * The resources declare only what is their own (the success, 404, 409, ...); this adds, as refs to
 * the shared components of {@link LedeApiDefinition}, unless the operation declares its own:
 * <ul>
 * <li>400 everywhere: the input rules (text, times, unknown or blank parameters, malformed URIs);
 * <li>401 everywhere: a token is checked wherever one is presented, public reads included;
 * <li>429 under {@code /v1/}: the rate limits apply to every request there (RateLimitFilter);
 * <li>304 for public reads (GET without a security requirement): they are all served with an ETag
 * and answer If-None-Match; the secured reads (tokens) are {@code no-store} instead, and event
 * streams ({@code text/event-stream}) are never finished representations to compare;
 * <li>403 wherever a security requirement (a role) is declared;
 * <li>412 wherever an If-Match header is taken, and 428 with it on PUT and PATCH, which change what
 * the caller read and so must say which version (DELETE checks If-Match only when sent);
 * <li>415 wherever there is a request body;
 * <li>413 wherever there is a request body: every body is held to a limit (lede.max-body-bytes for
 * JSON, the image limits for uploads);
 * <li>406 everywhere: an Accept header can rule out any operation's media types;
 * <li>503 under {@code /v1/}: every request there may need the database (tokens, content), and
 * image operations the image store; ProblemMappers answers 503 with Retry-After when it is down.
 * </ul>
 *
 * <p>The responses are then put in one order, so that the committed openapi.yaml comes out the same
 * on every build and a reader finds them where expected: the success, the cache's 304, the 400 for
 * what the caller sent, who may call (401, 429, 403), what this operation refuses by status code,
 * and last the catch-alls (the 400 of an operation that takes no parameters nor body, 406, 503).
 */
public class SharedResponses implements OASFilter {

    private static final String RATE_LIMITED_PATHS = "/v1/";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            for (Map.Entry<HttpMethod, Operation> operation : path.getValue().getOperations().entrySet()) {
                if (operation.getValue().getResponses() != null) {
                    share(openAPI, path.getKey(), path.getValue(), operation.getKey(), operation.getValue());
                }
            }
        }
    }

    private static void share(OpenAPI openAPI, String path, PathItem item, HttpMethod method, Operation operation) {
        boolean secured = secured(openAPI, operation);
        boolean takesInput = operation.getRequestBody() != null || parameters(item, operation).anyMatch(p -> p.getIn() == Parameter.In.QUERY);
        boolean ifMatch = parameters(item, operation)
                .anyMatch(p -> p.getIn() == Parameter.In.HEADER && "If-Match".equalsIgnoreCase(p.getName()));

        APIResponses responses = operation.getResponses();
        addUnlessDeclared(responses, "400", LedeApiDefinition.BAD_REQUEST);
        addUnlessDeclared(responses, "401", LedeApiDefinition.UNAUTHORIZED);
        if (path.startsWith(RATE_LIMITED_PATHS)) {
            addUnlessDeclared(responses, "429", LedeApiDefinition.TOO_MANY);
        }
        if (method == HttpMethod.GET && !secured && !eventStream(responses)) {
            addUnlessDeclared(responses, "304", LedeApiDefinition.NOT_MODIFIED);
        }
        if (secured) {
            addUnlessDeclared(responses, "403", LedeApiDefinition.FORBIDDEN);
        }
        if (ifMatch) {
            addUnlessDeclared(responses, "412", LedeApiDefinition.STALE);
            if (method == HttpMethod.PUT || method == HttpMethod.PATCH) {
                addUnlessDeclared(responses, "428", LedeApiDefinition.IF_MATCH_REQUIRED);
            }
        }
        if (operation.getRequestBody() != null) {
            addUnlessDeclared(responses, "413", LedeApiDefinition.TOO_LARGE);
            addUnlessDeclared(responses, "415", LedeApiDefinition.UNSUPPORTED);
        }
        addUnlessDeclared(responses, "406", LedeApiDefinition.NOT_ACCEPTABLE);
        if (path.startsWith(RATE_LIMITED_PATHS)) {
            addUnlessDeclared(responses, "503", LedeApiDefinition.UNAVAILABLE);
        }
        order(responses, secured, takesInput);
    }

    /** Whether the operation answers with a stream of events rather than a representation. */
    private static boolean eventStream(APIResponses responses) {
        APIResponse ok = responses.getAPIResponse("200");
        return ok != null && ok.getContent() != null && ok.getContent().getMediaTypes() != null
                && ok.getContent().getMediaTypes().keySet().equals(java.util.Set.of("text/event-stream"));
    }

    /** The operation's own requirement, or the document's when it declares none; an empty one is public. */
    private static boolean secured(OpenAPI openAPI, Operation operation) {
        List<?> security = operation.getSecurity() != null ? operation.getSecurity() : openAPI.getSecurity();
        return security != null && !security.isEmpty();
    }

    private static Stream<Parameter> parameters(PathItem item, Operation operation) {
        return Stream.of(item.getParameters(), operation.getParameters())
                .filter(Objects::nonNull).flatMap(List::stream);
    }

    private static void addUnlessDeclared(APIResponses responses, String status, String component) {
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().ref("#/components/responses/" + component));
        }
    }

    /** Sorts the responses into the order described on the class (a stable sort: ties keep their order). */
    private static void order(APIResponses responses, boolean secured, boolean takesInput) {
        List<Map.Entry<String, APIResponse>> entries = new ArrayList<>(responses.getAPIResponses().entrySet());
        entries.sort(Comparator.comparingInt((Map.Entry<String, APIResponse> e) -> group(e.getKey(), secured, takesInput))
                .thenComparingInt(e -> status(e.getKey())));
        Map<String, APIResponse> ordered = new LinkedHashMap<>();
        entries.forEach(e -> ordered.put(e.getKey(), e.getValue()));
        responses.setAPIResponses(ordered);
    }

    private static int group(String code, boolean secured, boolean takesInput) {
        int status = status(code);
        if (status < 300) {
            return 0;
        }
        return switch (status) {
            case 304 -> 1;
            case 400 -> takesInput ? 2 : 7;
            case 401 -> 3;
            case 429 -> 4;
            case 403 -> secured ? 5 : 6;
            case 406 -> 8;
            case 503 -> 9;
            default -> 6;
        };
    }

    /** "default" (not used today) sorts after every status code. */
    private static int status(String code) {
        try {
            return Integer.parseInt(code);
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }
}
