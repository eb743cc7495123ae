package io.lede.syndication;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Assumptions;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * IPTC's ninjs 3.1 JSON Schema (draft 2020-12), read with no network from a folder of the
 * standards' published files that the project does not carry: {@code LEDE_STANDARDS_DIR} (or the
 * system property {@code lede.standards.dir}) holding {@code ninjs/ninjs-schema_3.1.json} and the
 * GeoJSON schema it refers to by URL, {@code ninjs/GeoJSON-schema.json}. Without it the schema
 * checks are skipped, unless {@code LEDE_REQUIRE_STANDARDS=1} (CI) makes that a failure. Formats
 * ({@code uri}, {@code date-time}) are asserted, not only annotated.
 */
final class NinjsSchema {

    private static final String NINJS = "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json";
    private static final String GEOJSON = "https://geojson.org/schema/GeoJSON.json";
    private static final Path FOLDER = folder();
    private static JsonSchema schema;

    private NinjsSchema() {
    }

    private static Path folder() {
        String configured = System.getProperty("lede.standards.dir", System.getenv("LEDE_STANDARDS_DIR"));
        return configured == null || configured.isBlank() ? null : Path.of(configured, "ninjs").toAbsolutePath();
    }

    private static synchronized JsonSchema schema() {
        boolean present = FOLDER != null && Files.isRegularFile(FOLDER.resolve("ninjs-schema_3.1.json"))
                && Files.isRegularFile(FOLDER.resolve("GeoJSON-schema.json"));
        if (!present) {
            String why = "IPTC's ninjs 3.1 schema is not at LEDE_STANDARDS_DIR/ninjs (" + FOLDER + ")";
            if ("1".equals(System.getenv("LEDE_REQUIRE_STANDARDS"))) {
                throw new AssertionError(why);
            }
            Assumptions.abort(why + ": schema checks skipped");
        }
        if (schema == null) {
            JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                    builder -> builder.schemaMappers(mappers -> mappers
                            .mapPrefix(NINJS, FOLDER.resolve("ninjs-schema_3.1.json").toUri().toString())
                            .mapPrefix(GEOJSON, FOLDER.resolve("GeoJSON-schema.json").toUri().toString())));
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            schema = factory.getSchema(SchemaLocation.of(NINJS), config);
        }
        return schema;
    }

    /** What the schema finds wrong with a ninjs document; empty when it is valid. */
    static List<String> problems(JsonNode ninjs) {
        return schema().validate(ninjs).stream().map(ValidationMessage::toString).sorted().toList();
    }
}
