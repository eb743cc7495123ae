package io.lede.openapi;

import java.util.Map;

import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.PathItem.HttpMethod;

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
}
