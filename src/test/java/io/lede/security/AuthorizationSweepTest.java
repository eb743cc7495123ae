package io.lede.security;

import static io.lede.TestApi.readerToken;
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

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/**
 * Every operation that changes something, as the OpenAPI document lists them: anonymous calls get
 * 401 and reader tokens 403, so an endpoint added later cannot ship unprotected.
 */
@QuarkusTest
class AuthorizationSweepTest {

    @Test
    void shouldProtectEveryWriteInTheDocument() throws Exception {
        JsonNode document = new ObjectMapper().readTree(given().queryParam("format", "json").get("/q/openapi").asString());
        List<String> checked = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            String concrete = path.getKey().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
            Iterator<Map.Entry<String, JsonNode>> operations = path.getValue().fields();
            while (operations.hasNext()) {
                Map.Entry<String, JsonNode> operation = operations.next();
                String method = operation.getKey().toUpperCase();
                if (!List.of("POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    continue;
                }
                String contentType = firstContentType(operation.getValue());
                assertEquals(401, call(given(), method, concrete, contentType),
                        method + " " + path.getKey() + " without a token");
                assertEquals(403, call(given().auth().oauth2(readerToken()), method, concrete, contentType),
                        method + " " + path.getKey() + " with a reader token");
                checked.add(method + " " + path.getKey());
            }
        }
        assertTrue(checked.size() >= 12, "expected every write operation, found " + checked);
    }

    private static int call(RequestSpecification request, String method, String path, String contentType) {
        if (contentType == null) {
            return request.request(method, path).statusCode();
        }
        if (contentType.startsWith("multipart/")) {
            return request.multiPart("caption", "sweep").request(method, path).statusCode();
        }
        return request.contentType(contentType).body("{}").request(method, path).statusCode();
    }

    private static String firstContentType(JsonNode operation) {
        JsonNode content = operation.path("requestBody").path("content");
        return content.isObject() && content.fieldNames().hasNext() ? content.fieldNames().next() : null;
    }
}
