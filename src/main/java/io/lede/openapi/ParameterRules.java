package io.lede.openapi;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

import io.lede.input.ParameterLimits;

/**
 * Parameters as the server takes them:
 * <ul>
 * <li>{@code fields}, {@code include} and {@code status} are comma-separated lists of known names:
 * arrays ({@code style: form, explode: false}, which is exactly the comma-separated form) of an
 * enum, so generated clients take a list of allowed values. The names of {@code fields} are the
 * properties of the item the operation returns; the others come from the annotation's enum;
 * <li>every string parameter (and the If-Match and Last-Event-ID headers) has the maxLength the
 * server enforces ({@link ParameterLimits}, one table for both);
 * <li>integer parameters are int32 (the server parses them as int).
 * </ul>
 */
final class ParameterRules {

    private ParameterRules() {
    }

    static void apply(OpenAPI openAPI) {
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        Operations.each(openAPI, (path, method, operation) -> {
            if (operation.getParameters() == null) {
                return;
            }
            for (Parameter parameter : operation.getParameters()) {
                Schema schema = parameter.getSchema();
                if (schema == null) {
                    continue;
                }
                if (parameter.getIn() == Parameter.In.QUERY && ParameterLimits.LISTS.contains(parameter.getName())) {
                    list(parameter, parameter.getName().equals("fields") ? fieldNames(schemas, operation) : schema);
                } else if (has(schema, Schema.SchemaType.INTEGER)) {
                    schema.setFormat("int32");
                } else if (has(schema, Schema.SchemaType.STRING) && schema.getEnumeration() == null && schema.getMaxLength() == null) {
                    schema.setMaxLength(ParameterLimits.maxLength(parameter.getName()));
                }
            }
        });
    }

    private static boolean has(Schema schema, Schema.SchemaType type) {
        return schema.getType() != null && schema.getType().contains(type);
    }

    /** The parameter as a comma-separated list of the names {@code items} allows. */
    private static void list(Parameter parameter, Schema items) {
        if (items.getRef() == null && items.getType() == null) {
            items.addType(Schema.SchemaType.STRING);
        }
        parameter.setSchema(OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(items)
                .maxItems(ParameterLimits.MAX_LIST_ITEMS));
        parameter.setStyle(Parameter.Style.FORM);
        parameter.setExplode(false);
        if (parameter.getExample() instanceof String example) {
            parameter.setExample(Arrays.asList(example.split(",")));
        }
    }

    /** The property names of the item a fields= operation returns (each item of a page). */
    private static Schema fieldNames(Map<String, Schema> schemas, Operation operation) {
        Schema body = schemas.get(Operations.refName(Operations.ownJsonSchema(operation).getRef()));
        Schema items = body.getProperties().get("items");
        Schema item = items != null && items.getItems() != null && items.getItems().getRef() != null
                ? schemas.get(Operations.refName(items.getItems().getRef()))
                : body;
        List<Object> names = List.copyOf(item.getProperties().keySet());
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).enumeration(names);
    }
}
