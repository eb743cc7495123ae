package io.lede.openapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * What {@code fields=} returns, described so that generated clients can read it. An item of an
 * operation that takes {@code fields} is {@code oneOf} the full schema ({@code Article}) and its
 * sparse twin ({@code SparseArticle}): the same properties, only {@code id} required (the server
 * always returns it), and {@code not} every field the full one requires, so that exactly one of the
 * two matches any response. A client generated from it checks which one it got instead of reading
 * fields that are not there (a date parsed from nothing, a list mapped from nothing).
 *
 * <p>oneOf rather than anyOf: TypeScript's generator merges anyOf members into one type that
 * requires everything, which is the failure this avoids.
 */
final class SparseFieldsets {

    static final String PREFIX = "Sparse";

    private SparseFieldsets() {
    }

    static void apply(OpenAPI openAPI) {
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        Map<String, Schema> added = new LinkedHashMap<>();
        Operations.each(openAPI, (path, method, operation) -> {
            if (!takesFields(operation)) {
                return;
            }
            Schema body = Operations.ownJsonSchema(operation);
            if (body == null) {
                return;
            }
            String name = Operations.refName(body.getRef());
            Schema target = schemas.get(name);
            Schema items = target.getProperties() == null ? null : target.getProperties().get("items");
            if (items != null && items.getItems() != null && items.getItems().getRef() != null) {
                // A page: each of its items may be sparse.
                items.setItems(either(schemas, added, Operations.refName(items.getItems().getRef())));
            } else {
                body.setRef(either(schemas, added, name).getRef());
            }
        });
        if (!added.isEmpty()) {
            Map<String, Schema> all = new java.util.TreeMap<>(schemas);
            all.putAll(added);
            openAPI.getComponents().setSchemas(all);
        }
    }

    /** A reference to {@code ArticleOrSparse}: oneOf Article and SparseArticle, declared once (generated clients name types by it). */
    private static Schema either(Map<String, Schema> schemas, Map<String, Schema> added, String full) {
        String sparse = PREFIX + full;
        String union = full + "Or" + PREFIX;
        if (!added.containsKey(sparse)) {
            added.put(sparse, sparse(full, schemas.get(full)));
            added.put(union, OASFactory.createSchema()
                    .description("A " + full + ", or a " + sparse + " when fields= leaves out some of what a " + full + " requires")
                    .addOneOf(OASFactory.createSchema().ref("#/components/schemas/" + full))
                    .addOneOf(OASFactory.createSchema().ref("#/components/schemas/" + sparse)));
        }
        return OASFactory.createSchema().ref("#/components/schemas/" + union);
    }

    private static Schema sparse(String name, Schema full) {
        List<String> required = full.getRequired() == null ? List.of() : new ArrayList<>(full.getRequired());
        Schema sparse = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("A " + name + " with only the fields asked for with fields= (id always); "
                        + "a response with every field " + name + " requires is a " + name)
                .properties(new LinkedHashMap<>(full.getProperties()))
                .required(List.of("id"));
        if (!required.isEmpty()) {
            sparse.not(OASFactory.createSchema().required(required));
        }
        return sparse;
    }

    static boolean takesFields(Operation operation) {
        return operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> p.getIn() == Parameter.In.QUERY && "fields".equals(p.getName()));
    }

}
