package io.lede.http;

import static io.lede.TestApi.ADMIN;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Every path of the published OpenAPI document refuses every method it does not declare with 405
 * and an {@code Allow} naming exactly the declared ones, whichever resource serves the path (some
 * lie under another resource's path, where the REST layer alone would answer 404).
 */
@QuarkusTest
class AllowedMethodsTest {

    private static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE");
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

    @Test
    void shouldRefuseEveryUndeclaredMethodOnEveryDocumentedPathWith405AndAllow() throws Exception {
        JsonNode document = new ObjectMapper().readTree(given().queryParam("format", "json").get("/q/openapi").asString());
        List<String> checked = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            Set<String> declared = new LinkedHashSet<>();
            path.getValue().fieldNames().forEachRemaining(name -> declared.add(name.toUpperCase()));
            declared.retainAll(METHODS);
            String allow = allowFor(declared);
            String url = concrete(path.getKey(), path.getValue());

            given().options(url).then().statusCode(204).header("Allow", allow);
            for (String method : METHODS) {
                if (declared.contains(method) || method.equals("HEAD") && declared.contains("GET")) {
                    continue;
                }
                var request = given().auth().oauth2(ADMIN);
                if (!method.equals("GET") && !method.equals("HEAD")) {
                    request.contentType("application/json").body("{}");
                }
                Response response = request.request(method, url);
                String what = method + " " + url + " answered " + response.statusCode() + " " + response.asString();
                assertEquals(405, response.statusCode(), what);
                assertEquals(allow, response.header("Allow"), what);
                if (!method.equals("HEAD")) {
                    assertEquals("application/problem+json", response.contentType(), what);
                    assertEquals(405, response.<Integer> path("status"), what);
                }
                checked.add(method + " " + path.getKey());
            }
        }
        // The paths the review found answering 404 are among those walked.
        assertFalse(checked.isEmpty());
        for (String found : List.of("POST /v1/articles/{id}/live", "PUT /v1/articles/{id}/entries/{entryId}",
                "DELETE /v1/articles/{id}/entries")) {
            assertEquals(true, checked.contains(found), found + " not walked: " + checked);
        }
    }

    /** The methods in the order the service lists them, with HEAD wherever GET is, and OPTIONS always. */
    private static String allowFor(Set<String> declared) {
        List<String> allowed = new ArrayList<>();
        for (String method : List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE")) {
            if (declared.contains(method) || method.equals("HEAD") && declared.contains("GET")) {
                allowed.add(method);
            }
        }
        allowed.add("OPTIONS");
        return String.join(", ", allowed);
    }

    /** The path with each variable filled: the first value its schema allows when it lists them, an id-like word otherwise. */
    private static String concrete(String template, JsonNode operations) {
        Matcher variable = VARIABLE.matcher(template);
        StringBuilder url = new StringBuilder();
        while (variable.find()) {
            variable.appendReplacement(url, Matcher.quoteReplacement(sampleFor(variable.group(1), operations)));
        }
        variable.appendTail(url);
        return url.toString();
    }

    private static String sampleFor(String name, JsonNode operations) {
        for (JsonNode operation : operations) {
            for (JsonNode parameter : operation.path("parameters")) {
                if (parameter.path("in").asText().equals("path") && parameter.path("name").asText().equals(name)
                        && parameter.path("schema").path("enum").isArray()) {
                    return parameter.path("schema").path("enum").get(0).asText();
                }
            }
        }
        return "x1";
    }
}
