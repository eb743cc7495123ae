package io.lede.fuzz;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks a JSON value against the subset of JSON Schema (2020-12, as OpenAPI 3.1 uses it) that
 * Lede's document contains: $ref, oneOf, anyOf, type (also as a list, for null), enum, required,
 * properties, additionalProperties and items.
 */
final class SchemaCheck {

    private final JsonNode document;

    SchemaCheck(JsonNode document) {
        this.document = document;
    }

    List<String> problems(JsonNode value, JsonNode schema) {
        List<String> problems = new ArrayList<>();
        check(value, schema, "$", problems);
        return problems;
    }

    private void check(JsonNode value, JsonNode schema, String at, List<String> problems) {
        if (schema == null || schema.isMissingNode()) {
            return;
        }
        if (schema.has("$ref")) {
            check(value, resolve(schema.get("$ref").asText()), at, problems);
            return;
        }
        for (String composition : new String[] { "oneOf", "anyOf" }) {
            if (!schema.has(composition)) {
                continue;
            }
            for (JsonNode option : schema.get(composition)) {
                List<String> attempt = new ArrayList<>();
                check(value, option, at, attempt);
                if (attempt.isEmpty()) {
                    return;
                }
            }
            problems.add(at + ": matches none of " + composition);
            return;
        }
        if (schema.has("type") && !typeMatches(value, schema.get("type"))) {
            problems.add(at + ": expected " + schema.get("type") + " but was " + value.getNodeType());
            return;
        }
        if (schema.has("enum") && !value.isNull()) {
            boolean listed = false;
            for (JsonNode option : schema.get("enum")) {
                listed |= option.asText().equals(value.asText());
            }
            if (!listed) {
                problems.add(at + ": " + value + " is not one of " + schema.get("enum"));
            }
        }
        if (value.isObject()) {
            for (JsonNode required : schema.path("required")) {
                if (!value.has(required.asText())) {
                    problems.add(at + ": missing required " + required.asText());
                }
            }
            Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode property = schema.path("properties").path(field.getKey());
                check(field.getValue(), property.isMissingNode() ? schema.path("additionalProperties") : property,
                        at + "." + field.getKey(), problems);
            }
        }
        if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                check(value.get(i), schema.get("items"), at + "[" + i + "]", problems);
            }
        }
    }

    private static boolean typeMatches(JsonNode value, JsonNode type) {
        if (type.isArray()) {
            for (JsonNode option : type) {
                if (typeMatches(value, option)) {
                    return true;
                }
            }
            return false;
        }
        return switch (type.asText()) {
            case "null" -> value.isNull();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            default -> true;
        };
    }

    JsonNode resolve(String ref) {
        JsonNode node = document;
        for (String part : ref.substring(2).split("/")) {
            node = node.path(part.replace("~1", "/").replace("~0", "~"));
        }
        return node;
    }
}
