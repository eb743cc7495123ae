package io.lede.entity;

import static io.lede.TestApi.ADMIN;
import static io.lede.TestApi.article;
import static io.lede.TestApi.createEntity;
import static io.lede.TestApi.editorToken;
import static io.lede.TestApi.uniqueSection;
import static io.lede.TestApi.uniqueWikidataUri;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;

import io.lede.Races;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Entity writes racing each other: one entity per URI, and no published link to a deleted entity. */
@QuarkusTest
class EntityRaceTest {

    @Test
    void shouldCreateOneEntityPerUriWhenTwoEditorsRace() {
        for (int round = 0; round < 5; round++) {
            String uri = uniqueWikidataUri();
            Callable<Response> create = () -> given().auth().oauth2(editorToken()).contentType(ContentType.JSON)
                    .body(Map.of("type", "place", "name", "Skarvik", "uri", uri)).post("/v1/entities");
            List<Integer> statuses = Races.together(List.of(create, create, create)).stream().map(Response::statusCode).sorted().toList();
            assertEquals(List.of(201, 409, 409), statuses, "round " + round);
        }
    }

    @Test
    void shouldNeverPublishALinkToAnEntityDeletedMeanwhile() {
        for (int round = 0; round < 5; round++) {
            String entity = createEntity("place", "Skarvik");
            Map<String, Object> body = article(uniqueSection(), "Ferries to Skarvik resume");
            body.put("entities", List.of(Map.of("id", entity, "rel", "about")));
            List<Response> responses = Races.together(List.of(
                    () -> given().auth().oauth2(editorToken()).contentType(ContentType.JSON).body(body).post("/v1/articles"),
                    () -> given().auth().oauth2(ADMIN).delete("/v1/entities/" + entity)));
            int created = responses.get(0).statusCode();
            int deleted = responses.get(1).statusCode();
            assertTrue(created == 201 && deleted == 409 || created == 400 && deleted == 204,
                    "round " + round + ": article " + created + ", entity delete " + deleted);
            if (created == 201) {
                given().get("/v1/entities/" + entity).then().statusCode(200);
            }
        }
    }
}
