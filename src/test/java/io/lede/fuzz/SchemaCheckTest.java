package io.lede.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The fuzzer's schema checks catch what they should, on a document shaped like Lede's. */
class SchemaCheckTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode document = read("""
            {"components": {"schemas": {
              "Item": {"type": "object", "required": ["id", "status"], "properties": {
                "id": {"type": "string"},
                "status": {"type": "string", "enum": ["draft", "published"]},
                "next": {"type": ["string", "null"]},
                "lead": {"oneOf": [{"type": "string"}, {"$ref": "#/components/schemas/Image"}]},
                "tags": {"type": "array", "items": {"type": "string"}}}},
              "Image": {"type": "object", "required": ["width"], "properties": {"width": {"type": "integer"}}}}}}
            """);
    private final SchemaCheck check = new SchemaCheck(document);
    private final JsonNode item = read("{\"$ref\": \"#/components/schemas/Item\"}");

    @Test
    void shouldAcceptWhatMatches() {
        assertEquals(0, check.problems(read("{\"id\": \"a\", \"status\": \"draft\", \"next\": null, \"lead\": {\"width\": 3},"
                + " \"tags\": [\"x\"]}"), item).size());
        assertEquals(0, check.problems(read("{\"id\": \"a\", \"status\": \"published\", \"lead\": \"img-1\"}"), item).size());
    }

    @Test
    void shouldReportWhatDoesNot() {
        assertTrue(check.problems(read("{\"status\": \"draft\"}"), item).get(0).contains("missing required id"));
        assertTrue(check.problems(read("{\"id\": 1, \"status\": \"draft\"}"), item).get(0).contains("$.id"));
        assertTrue(check.problems(read("{\"id\": \"a\", \"status\": \"live\"}"), item).get(0).contains("not one of"));
        assertTrue(check.problems(read("{\"id\": \"a\", \"status\": \"draft\", \"lead\": {\"width\": \"wide\"}}"), item)
                .get(0).contains("oneOf"));
        assertTrue(check.problems(read("{\"id\": \"a\", \"status\": \"draft\", \"tags\": [1]}"), item).get(0).contains("tags[0]"));
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
