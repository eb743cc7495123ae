package io.lede.security;

import static io.lede.TestApi.ADMIN;
import static io.lede.TestApi.editorToken;
import static io.lede.TestApi.issueToken;
import static io.lede.TestApi.readerToken;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.lede.Races;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
class TokenResourceTest {

    @Test
    void shouldIssueATokenShownOnceAndStoredOnlyAsAHash() {
        Response issued = given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("name", "Partner: Morning Post", "role", "reader"))
                .post("/v1/admin/tokens")
                .then().statusCode(201)
                .header("Location", containsString("/v1/admin/tokens/"))
                .header("Cache-Control", "no-store")
                .body("name", equalTo("Partner: Morning Post"))
                .body("role", equalTo("reader"))
                .body("token", startsWith("lede_"))
                .body("createdAt", notNullValue())
                .extract().response();
        String id = issued.path("id");
        String secret = issued.path("token");

        ApiToken stored = QuarkusTransaction.requiringNew().call(() -> ApiToken.findById(UUID.fromString(id)));
        assertEquals(64, stored.tokenHash.length());
        assertFalse(stored.tokenHash.contains(secret.substring(5)));

        List<Map<String, Object>> listed = given().auth().oauth2(ADMIN).get("/v1/admin/tokens")
                .then().statusCode(200)
                .header("Cache-Control", "private, no-store")
                .body("items.id", hasItem(id))
                .extract().path("items");
        listed.forEach(token -> assertFalse(token.containsKey("token"), "a listed token shows its secret"));
        given().auth().oauth2(ADMIN).get("/v1/admin/tokens").then().body("items", everyItem(not(hasKey("tokenHash"))));
    }

    @Test
    void shouldAcceptTheTokenAsBearerAndAsApiKey() {
        String secret = issueToken("both headers", "editor");
        given().auth().oauth2(secret).queryParam("status", "draft").get("/v1/articles").then().statusCode(200);
        given().header("X-Api-Key", secret).queryParam("status", "draft").get("/v1/articles").then().statusCode(200);
    }

    @Test
    void shouldStopARevokedTokenAtOnce() {
        Response issued = given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("name", "to revoke", "role", "editor"))
                .post("/v1/admin/tokens").then().statusCode(201).extract().response();
        String secret = issued.path("token");
        given().auth().oauth2(secret).queryParam("status", "draft").get("/v1/articles").then().statusCode(200);

        given().auth().oauth2(ADMIN).delete("/v1/admin/tokens/" + issued.path("id"))
                .then().statusCode(204);

        given().auth().oauth2(secret).queryParam("status", "draft").get("/v1/articles")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"));
        // Even a public read: wrong credentials are never silently treated as anonymous.
        given().auth().oauth2(secret).get("/v1/articles").then().statusCode(401);
        given().auth().oauth2(ADMIN).get("/v1/admin/tokens").then()
                .body("items.find { it.id == '" + issued.path("id") + "' }.revokedAt", notNullValue());
        // Revoked, it is gone as far as revoking goes: a second delete is a 404, and changes nothing.
        String revokedAt = given().auth().oauth2(ADMIN).get("/v1/admin/tokens").then()
                .extract().path("items.find { it.id == '" + issued.path("id") + "' }.revokedAt");
        given().auth().oauth2(ADMIN).delete("/v1/admin/tokens/" + issued.path("id")).then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
        given().auth().oauth2(ADMIN).get("/v1/admin/tokens").then()
                .body("items.find { it.id == '" + issued.path("id") + "' }.revokedAt", equalTo(revokedAt));
    }

    @Test
    void shouldRevokeOnceWhenRevocationsRace() {
        for (int round = 0; round < 3; round++) {
            String id = given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                    .body(Map.of("name", "revoked by a race", "role", "reader"))
                    .post("/v1/admin/tokens").then().statusCode(201).extract().path("id");
            List<Response> responses = Races.times(4, () -> given().auth().oauth2(ADMIN).delete("/v1/admin/tokens/" + id));
            assertEquals(1, Races.count(responses, 204), () -> Races.statuses(responses).toString());
            assertEquals(3, Races.count(responses, 404), () -> Races.statuses(responses).toString());
        }
    }

    @Test
    void shouldLetOnlyAdminsManageTokens() {
        given().get("/v1/admin/tokens").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(readerToken()).get("/v1/admin/tokens").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(editorToken()).contentType(ContentType.JSON)
                .body(Map.of("name", "escalation", "role", "admin"))
                .post("/v1/admin/tokens").then().statusCode(403);
        given().auth().oauth2(editorToken()).delete("/v1/admin/tokens/" + UUID.randomUUID()).then().statusCode(403);
    }

    @Test
    void shouldLetAnIssuedAdminTokenIssueTokens() {
        String admin = issueToken("second admin", "admin");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("name", "by the second admin", "role", "reader"))
                .post("/v1/admin/tokens").then().statusCode(201);
    }

    @Test
    void shouldRejectInvalidTokenRequests() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("name", "", "role", "owner"))
                .post("/v1/admin/tokens")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("role"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("name", " "))
                .post("/v1/admin/tokens")
                .then().statusCode(400)
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("role"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("name", "x".repeat(101), "role", "reader"))
                .post("/v1/admin/tokens")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("name"));
        given().auth().oauth2(ADMIN).contentType(ContentType.TEXT).body("reader please")
                .post("/v1/admin/tokens")
                .then().statusCode(415);
    }

    @Test
    void shouldAnswer404ForUnknownTokens() {
        given().auth().oauth2(ADMIN).delete("/v1/admin/tokens/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(ADMIN).delete("/v1/admin/tokens/not-an-id").then().statusCode(404);
    }

    @Test
    void shouldRefuseMalformedCredentials() {
        given().header("Authorization", "Basic dXNlcjpwYXNz").get("/v1/articles").then().statusCode(401);
        given().header("Authorization", "Bearer ").get("/v1/articles").then().statusCode(401);
        given().header("X-Api-Key", "lede_unknown").get("/v1/articles").then().statusCode(401)
                .contentType("application/problem+json")
                .body("status", equalTo(401));
    }
}
