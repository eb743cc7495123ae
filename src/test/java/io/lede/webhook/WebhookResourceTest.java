package io.lede.webhook;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.lede.TestApi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The admin endpoints as an admin (and everyone else) sees them: shapes, secrets shown once, every 4xx. */
@QuarkusTest
class WebhookResourceTest {

    private static final String TARGET = "http://127.0.0.1:9/hooks";

    @Test
    void shouldShowTheSecretOnceAndNeverAgain() {
        var created = Webhooks.post(Map.of("url", TARGET, "events", List.of("article.updated", "article.published"),
                "description", "Partner: Morning Post"))
                .then().statusCode(201).contentType(ContentType.JSON)
                .header("Location", containsString("/v1/admin/webhooks/"))
                .header("Cache-Control", "no-store")
                .body("secret", startsWith("whsec_"))
                .body("events", equalTo(List.of("article.published", "article.updated")))
                .body("disabled", equalTo(false))
                .extract().response();
        String id = created.path("id");
        byte[] key = Base64.getDecoder().decode(created.<String> path("secret").substring("whsec_".length()));
        org.junit.jupiter.api.Assertions.assertEquals(24, key.length);

        given().auth().oauth2(TestApi.ADMIN).get("/v1/admin/webhooks/" + id).then().statusCode(200)
                .header("ETag", not(nullValue())).header("Cache-Control", "private, no-store")
                .body("$", not(hasKey("secret")))
                .body("url", equalTo(TARGET)).body("failureCount", equalTo(0)).body("failingSince", nullValue())
                .body("description", equalTo("Partner: Morning Post"));
        given().auth().oauth2(TestApi.ADMIN).get("/v1/admin/webhooks").then().statusCode(200)
                .body("items.id", hasItem(id)).body("items", everyItem(not(hasKey("secret")))).body("next", nullValue());
        given().auth().oauth2(TestApi.ADMIN).get("/v1/admin/webhooks/" + id + "/deliveries").then().statusCode(200)
                .body("items", equalTo(List.of())).body("next", nullValue());
        given().auth().oauth2(TestApi.ADMIN).delete("/v1/admin/webhooks/" + id).then().statusCode(204);
        given().auth().oauth2(TestApi.ADMIN).get("/v1/admin/webhooks/" + id).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void shouldPatchWithIfMatchOnly() {
        Webhooks.Endpoint endpoint = Webhooks.register(TARGET, "article.published");
        String path = "/v1/admin/webhooks/" + endpoint.id();
        given().auth().oauth2(TestApi.ADMIN).contentType(TestApi.MERGE_PATCH).body(Map.of("disabled", true)).patch(path)
                .then().statusCode(428).contentType("application/problem+json");
        given().auth().oauth2(TestApi.ADMIN).contentType(TestApi.MERGE_PATCH).header("If-Match", "\"stale\"")
                .body(Map.of("disabled", true)).patch(path)
                .then().statusCode(412).contentType("application/problem+json");
        TestApi.patchCurrent(TestApi.ADMIN, path, Map.of("disabled", true, "events", List.of("quote.deleted", "image.deleted")))
                .then().statusCode(200).body("disabled", equalTo(true))
                .body("events", equalTo(List.of("image.deleted", "quote.deleted")));
        TestApi.patchCurrent(TestApi.ADMIN, path, Map.of("url", "ftp://partner.example/x"))
                .then().statusCode(400).body("errors[0].field", equalTo("url"));
        TestApi.patchCurrent(TestApi.ADMIN, path, Map.of("events", List.of()))
                .then().statusCode(400).body("errors[0].field", equalTo("events"));
        given().auth().oauth2(TestApi.ADMIN).contentType(TestApi.MERGE_PATCH).header("If-Match", TestApi.etag(TestApi.ADMIN, path))
                .body("[]").patch(path).then().statusCode(400);
        given().auth().oauth2(TestApi.ADMIN).contentType(ContentType.JSON).header("If-Match", TestApi.etag(TestApi.ADMIN, path))
                .body(Map.of("disabled", false)).patch(path).then().statusCode(415);
        Webhooks.delete(endpoint);
    }

    @Test
    void shouldRefuseBadRegistrationsWithProblems() {
        Webhooks.post(Map.of("url", TARGET, "events", List.of("article.published", "article.exploded")))
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("events[1]")).body("errors[0].message", containsString("article.published"));
        for (String url : List.of("ftp://partner.example/hooks", "file:///etc/passwd", "javascript:alert(1)", "not a url",
                "http://user:pass@partner.example/", "https:///nohost")) {
            Webhooks.post(Map.of("url", url, "events", List.of("article.published")))
                    .then().statusCode(400).body("errors[0].field", equalTo("url"));
        }
        Webhooks.post(Map.of("events", List.of("article.published"))).then().statusCode(400);
        Webhooks.post(Map.of("url", TARGET)).then().statusCode(400);
        Webhooks.post(Map.of("url", TARGET, "events", List.of("article.published"), "description", "tab\there"))
                .then().statusCode(400).body("errors[0].field", equalTo("description"));
        Webhooks.post(Map.of("url", TARGET, "events", "article.published")).then().statusCode(400);
        given().auth().oauth2(TestApi.ADMIN).contentType(ContentType.JSON).body("{\"url\": \"" + TARGET + "\", \"events\": [")
                .post("/v1/admin/webhooks").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(TestApi.ADMIN).contentType(ContentType.JSON)
                .body("{\"url\": \"" + TARGET + "\", \"events\": [\"article.published\"]} {}")
                .post("/v1/admin/webhooks").then().statusCode(400);
        given().auth().oauth2(TestApi.ADMIN).contentType(ContentType.TEXT).body("url=x")
                .post("/v1/admin/webhooks").then().statusCode(415);
    }

    @Test
    void shouldBeForAdminsOnly() {
        Map<String, Object> body = Map.of("url", TARGET, "events", List.of("article.published"));
        given().contentType(ContentType.JSON).body(body).post("/v1/admin/webhooks").then().statusCode(401)
                .contentType("application/problem+json");
        given().auth().oauth2(TestApi.editorToken()).contentType(ContentType.JSON).body(body).post("/v1/admin/webhooks")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestApi.readerToken()).get("/v1/admin/webhooks").then().statusCode(403);
        given().get("/v1/admin/webhooks").then().statusCode(401);
    }

    @Test
    void shouldAnswer404ForUnknownEndpointsAndDeliveries() {
        for (String id : List.of("0b7f3c1e-5d2a-4e8b-9c61-2f4a8d7e3b90", "not-an-id")) {
            given().auth().oauth2(TestApi.ADMIN).get("/v1/admin/webhooks/" + id).then().statusCode(404);
            given().auth().oauth2(TestApi.ADMIN).get("/v1/admin/webhooks/" + id + "/deliveries").then().statusCode(404);
            given().auth().oauth2(TestApi.ADMIN).delete("/v1/admin/webhooks/" + id).then().statusCode(404);
            TestApi.patch(TestApi.ADMIN, "/v1/admin/webhooks/" + id, "\"x\"", Map.of("disabled", true)).then().statusCode(404);
        }
        Webhooks.Endpoint endpoint = Webhooks.register(TARGET, "article.published");
        given().auth().oauth2(TestApi.ADMIN).post("/v1/admin/webhooks/" + endpoint.id() + "/deliveries/"
                + "0b7f3c1e-5d2a-4e8b-9c61-2f4a8d7e3b90/retry").then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestApi.ADMIN).queryParam("cursor", "garbage")
                .get("/v1/admin/webhooks/" + endpoint.id() + "/deliveries").then().statusCode(400);
        given().auth().oauth2(TestApi.ADMIN).queryParam("limit", 0)
                .get("/v1/admin/webhooks/" + endpoint.id() + "/deliveries").then().statusCode(400);
        Webhooks.delete(endpoint);
    }
}
