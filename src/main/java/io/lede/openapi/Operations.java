package io.lede.openapi;

import java.util.Map;

import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.PathItem.HttpMethod;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/** Walking the document's operations, for the rules that apply to each. */
final class Operations {

    interface Visitor {
        void visit(String path, HttpMethod method, Operation operation);
    }

    private Operations() {
    }

    static void each(OpenAPI openAPI, Visitor visitor) {
        if (openAPI.getPaths() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            for (Map.Entry<HttpMethod, Operation> operation : path.getValue().getOperations().entrySet()) {
                visitor.visit(path.getKey(), operation.getKey(), operation.getValue());
            }
        }
    }

    /** {@code Article} of {@code #/components/schemas/Article}. */
    static String refName(String ref) {
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    /**
     * The schema reference of Lede's own shape in an operation's 200 {@code application/json} body,
     * or null: the body's, or the first of its {@code oneOf}/{@code anyOf} when the operation also
     * answers in a standard's shape there ({@code format=ninjs}). Rules that rewrite the shape
     * (sparse fieldsets, page cursors) change this reference only.
     */
    static Schema ownJsonSchema(Operation operation) {
        APIResponse ok = operation.getResponses() == null ? null : operation.getResponses().getAPIResponse("200");
        MediaType json = ok == null || ok.getContent() == null ? null : ok.getContent().getMediaType("application/json");
        Schema body = json == null ? null : json.getSchema();
        if (body != null && body.getRef() == null) {
            java.util.List<Schema> options = body.getOneOf() != null ? body.getOneOf() : body.getAnyOf();
            body = options == null || options.isEmpty() ? null : options.get(0);
        }
        return body == null || body.getRef() == null ? null : body;
    }
}
