package io.lede.search;

import static io.lede.TestApi.ADMIN;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Without a search engine (the default) the rebuild endpoints answer 409 saying so; searches are the database's. */
@QuarkusTest
class SearchWithoutEngineTest {

    @Test
    void shouldAnswerConflictWhenNoEngineIsConfigured() {
        given().auth().oauth2(ADMIN).post("/v1/admin/search/reindex").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("No search engine is configured"));
        given().auth().oauth2(ADMIN).get("/v1/admin/search/reindex").then().statusCode(409)
                .body("status", equalTo(409));
        given().queryParam("q", "anything").get("/v1/articles").then().statusCode(200);
    }
}
