package io.lede.syndication;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * IPTC's ninjs 3.1 JSON Schema (draft 2020-12), read from the copy in src/test/resources/standards/ninjs
 * with no network: the GeoJSON schema it refers to by URL is mapped to the local copy too. Formats
 * ({@code uri}, {@code date-time}) are asserted, not only annotated.
 */
final class NinjsSchema {

    private static final String NINJS = "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json";
    private static final String GEOJSON = "https://geojson.org/schema/GeoJSON.json";
    private static final JsonSchema SCHEMA = load();

    private NinjsSchema() {
    }

    private static JsonSchema load() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                builder -> builder.schemaMappers(mappers -> mappers
                        .mapPrefix(NINJS, "classpath:standards/ninjs/ninjs-schema_3.1.json")
                        .mapPrefix(GEOJSON, "classpath:standards/ninjs/GeoJSON-schema.json")));
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        return factory.getSchema(SchemaLocation.of(NINJS), config);
    }

    /** What the schema finds wrong with a ninjs document; empty when it is valid. */
    static List<String> problems(JsonNode ninjs) {
        return SCHEMA.validate(ninjs).stream().map(ValidationMessage::toString).sorted().toList();
    }
}
