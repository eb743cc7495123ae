package io.lede.image;

import static io.lede.TestApi.ADMIN;
import static io.lede.TestApi.patch;
import static io.lede.TestApi.uploadPng;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.lede.Races;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Images deleted by clients racing each other: one delete wins, the others find nothing. */
@QuarkusTest
class ImageRaceTest {

    @Test
    void shouldDeleteAnImageOnceAndThenNotFindIt() {
        for (int round = 0; round < 5; round++) {
            String id = uploadPng();
            List<Response> responses = Races.times(6, () -> given().auth().oauth2(ADMIN).delete("/v1/images/" + id));

            assertEquals(1, Races.count(responses, 204), () -> Races.statuses(responses).toString());
            assertEquals(5, Races.count(responses, 404), () -> Races.statuses(responses).toString());
            given().get("/v1/images/" + id).then().statusCode(404);
            given().get("/v1/images/" + id + "/content").then().statusCode(404);
        }
    }

    @Test
    void shouldCheckIfMatchOfAnEditAgainstTheVersionItChanges() {
        for (int round = 0; round < 5; round++) {
            Response uploaded = given().auth().oauth2(ADMIN).get("/v1/images/" + uploadPng()).then().extract().response();
            String etag = uploaded.header("ETag");
            List<Response> responses = Races.times(4, () -> patch(ADMIN, "/v1/images/" + uploaded.path("id"), etag,
                    "{\"caption\": \"" + Thread.currentThread().getName() + "\"}"));

            assertEquals(1, Races.count(responses, 200), () -> Races.statuses(responses).toString());
            assertEquals(3, Races.count(responses, 412), () -> Races.statuses(responses).toString());
        }
    }
}
