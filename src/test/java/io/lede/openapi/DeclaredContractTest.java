package io.lede.openapi;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.lede.TestApi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The limits openapi.yaml declares are the ones the server enforces: for every query parameter of
 * every read, a value one past its declared maxLength, maximum or maxItems is a 400 naming that
 * parameter, and a value exactly at a declared length is not refused for its length. Reads of
 * one item are sent to an id that does not exist, which the length check answers before the lookup.
 */
@QuarkusTest
class DeclaredContractTest {

    @Test
    void shouldEnforceEveryDeclaredParameterLimit() throws Exception {
        JsonNode document = new ObjectMapper().readTree(given().queryParam("format", "json").get("/q/openapi").asString());
        // The admin may call every operation (admin includes editor), so no limit check stops at a 403.
        String editor = TestApi.ADMIN;
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            JsonNode get = path.getValue().get("get");
            if (get == null || get.path("responses").path("200").path("content").has("text/event-stream")) {
                continue;
            }
            String target = path.getKey().replace("{format}", "json").replaceAll("\\{[^}]*}", UUID.randomUUID().toString());
            // Required parameters (oEmbed's url) are sent with their example, so that only the one under test is wrong.
            Map<String, String> required = new java.util.HashMap<>();
            for (JsonNode parameter : get.path("parameters")) {
                if ("query".equals(parameter.path("in").asText()) && parameter.path("required").asBoolean()) {
                    required.put(parameter.get("name").asText(), parameter.path("example").asText("x"));
                }
            }
            for (JsonNode parameter : get.path("parameters")) {
                if (!"query".equals(parameter.path("in").asText())) {
                    continue;
                }
                String name = parameter.get("name").asText();
                JsonNode schema = parameter.path("schema");
                String tooLong = null;
                if (schema.has("maxLength")) {
                    int max = schema.get("maxLength").asInt();
                    tooLong = "a".repeat(max + 1);
                    Response atLimit = request(editor, target, required, name, "a".repeat(max));
                    if (atLimit.statusCode() == 400 && name.equals(atLimit.jsonPath().getString("errors[0].field"))
                            && (atLimit.asString().contains("longer than") || atLimit.asString().contains("at most"))) {
                        wrong.add(path.getKey() + " " + name + ": refused at its declared maxLength " + max);
                    }
                } else if (schema.has("maximum")) {
                    tooLong = Integer.toString(schema.get("maximum").asInt() + 1);
                } else if (schema.has("maxItems")) {
                    tooLong = String.join(",", java.util.Collections.nCopies(schema.get("maxItems").asInt() + 1, "id"));
                }
                if (tooLong == null) {
                    continue;
                }
                checked++;
                Response over = request(editor, target, required, name, tooLong);
                if (over.statusCode() != 400 || !name.equals(over.jsonPath().getString("errors[0].field"))) {
                    wrong.add(path.getKey() + " " + name + ": past its declared limit got " + over.statusCode() + " " + over.asString());
                }
            }
        }
        assertTrue(checked > 40, "only " + checked + " limits found in the document");
        assertEquals(List.of(), wrong);
    }

    private static Response request(String token, String path, Map<String, String> required, String name, String value) {
        Map<String, String> parameters = new java.util.HashMap<>(required);
        parameters.put(name, value);
        return given().auth().oauth2(token).queryParams(parameters).get(path);
    }
}
