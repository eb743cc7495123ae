package io.lede.openapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

import io.lede.input.ParameterLimits;

/**
 * Every page of a list ({@code items} and {@code next}) also carries {@code cursor}: the value to
 * send for the next page (null on the last, and always on lists of one page), beside {@code next},
 * its whole relative URL. A generated client then follows pages with its own typed method instead
 * of parsing a URL. The items of a page of a list that takes {@code cursor} are at most the largest
 * {@code limit}, 100.
 */
final class PageCursors {

    static final int MAX_PAGE_ITEMS = 100;

    private PageCursors() {
    }

    static void apply(OpenAPI openAPI) {
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        Operations.each(openAPI, (path, method, operation) -> {
            boolean pages = operation.getParameters() != null && operation.getParameters().stream()
                    .anyMatch(p -> p.getIn() == Parameter.In.QUERY && "cursor".equals(p.getName()));
            Schema own = Operations.ownJsonSchema(operation);
            if (own == null) {
                return;
            }
            Schema page = schemas.get(Operations.refName(own.getRef()));
            if (page.getProperties() == null || !page.getProperties().containsKey("items") || !page.getProperties().containsKey("next")
                    || page.getProperties().containsKey("cursor")) {
                return;
            }
            page.addProperty("cursor", OASFactory.createSchema()
                    .addType(Schema.SchemaType.STRING).addType(Schema.SchemaType.NULL)
                    .maxLength(ParameterLimits.DEFAULT)
                    .description("The cursor of the next page, to send as cursor= with the same parameters; null on the last"));
            List<String> required = new ArrayList<>(page.getRequired() == null ? List.of() : page.getRequired());
            required.add("cursor");
            page.setRequired(required);
            if (pages) {
                page.getProperties().get("items").setMaxItems(MAX_PAGE_ITEMS);
            }
        });
    }
}
