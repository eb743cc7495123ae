package io.lede.openapi;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;

/**
 * Responses every operation has, declared once instead of on each method: the input rules (text,
 * times, unknown or blank parameters, malformed URIs) give any operation a 400, and an Accept header
 * that rules out its media types a 406.
 */
public class SharedResponses implements OASFilter {

    /** In a fixed order: the committed openapi.yaml must come out the same on every build. */
    private static final List<Map.Entry<String, String>> EVERY_OPERATION = List.of(
            Map.entry("400", LedeApiDefinition.BAD_REQUEST),
            Map.entry("406", LedeApiDefinition.NOT_ACCEPTABLE));

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        for (PathItem path : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : path.getOperations().values()) {
                for (Map.Entry<String, String> shared : EVERY_OPERATION) {
                    if (operation.getResponses() != null && !operation.getResponses().hasAPIResponse(shared.getKey())) {
                        operation.getResponses().addAPIResponse(shared.getKey(),
                                OASFactory.createAPIResponse().ref("#/components/responses/" + shared.getValue()));
                    }
                }
            }
        }
    }
}
