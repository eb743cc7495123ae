package io.lede.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem.HttpMethod;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * JSON Merge Patch bodies (RFC 7396) as typed schemas instead of a bare object: {@code ArticlePatch}
 * has the properties of {@code ArticleRequest} (what a PATCH of an Article may change), none
 * required, and null allowed on those the request does not require (null removes them; on a
 * required one it would fail the validation of the result, a 400). The patch of an X is found by
 * the operation's success, an X, and X's request schema, {@code XRequest}.
 */
final class PatchSchemas {

    static final String MERGE_PATCH = "application/merge-patch+json";

    private PatchSchemas() {
    }

    static void apply(OpenAPI openAPI) {
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        Map<String, Schema> added = new LinkedHashMap<>();
        Operations.each(openAPI, (path, method, operation) -> {
            if (method != HttpMethod.PATCH || operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
                return;
            }
            MediaType patch = operation.getRequestBody().getContent().getMediaType(MERGE_PATCH);
            APIResponse ok = operation.getResponses().getAPIResponse("200");
            MediaType result = ok == null || ok.getContent() == null ? null : ok.getContent().getMediaType("application/json");
            if (patch == null || patch.getSchema() == null || patch.getSchema().getRef() != null
                    || result == null || result.getSchema() == null || result.getSchema().getRef() == null) {
                return;
            }
            String item = Operations.refName(result.getSchema().getRef());
            Schema request = schemas.get(item + "Request");
            if (request == null) {
                return;
            }
            added.computeIfAbsent(item + "Patch", name -> patchOf(item, request));
            patch.setSchema(OASFactory.createSchema().ref("#/components/schemas/" + item + "Patch"));
        });
        if (!added.isEmpty()) {
            Map<String, Schema> all = new java.util.TreeMap<>(schemas);
            all.putAll(added);
            openAPI.getComponents().setSchemas(all);
        }
    }

    private static Schema patchOf(String item, Schema request) {
        List<String> required = request.getRequired() == null ? List.of() : request.getRequired();
        Map<String, Schema> properties = new LinkedHashMap<>();
        request.getProperties().forEach((name, property) -> properties.put(name, required.contains(name) ? property
                : OASFactory.createSchema().addAnyOf(property).addAnyOf(OASFactory.createSchema().addType(Schema.SchemaType.NULL))));
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("A JSON Merge Patch of " + item + ": the fields to change; null removes an optional one. "
                        + "The result is validated as a whole, like a " + item + "Request")
                .properties(properties);
    }
}
