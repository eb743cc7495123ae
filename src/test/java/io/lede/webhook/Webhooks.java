package io.lede.webhook;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.lede.TestApi;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Test data: endpoints registered as an admin would, and removed again. */
final class Webhooks {

    record Endpoint(String id, String secret) {
    }

    static final String ALL = "article.published,article.updated,article.unpublished,article.deleted,entry.created,"
            + "entry.updated,entry.deleted,image.updated,image.deleted,quote.updated,quote.deleted";

    private Webhooks() {
    }

    static Response post(Object body) {
        return given().auth().oauth2(TestApi.ADMIN).contentType(ContentType.JSON).body(body).post("/v1/admin/webhooks");
    }

    static Endpoint register(String url, String events) {
        Response created = post(Map.of("url", url, "events", List.of(events.split(","))))
                .then().statusCode(201).extract().response();
        return new Endpoint(created.path("id"), created.path("secret"));
    }

    static void delete(Endpoint endpoint) {
        given().auth().oauth2(TestApi.ADMIN).delete("/v1/admin/webhooks/" + endpoint.id()).then().statusCode(204);
    }

    /** The delivery log, newest first (up to 100 attempts). */
    static List<Map<String, Object>> deliveries(Endpoint endpoint) {
        return new ArrayList<>(given().auth().oauth2(TestApi.ADMIN).queryParam("limit", 100)
                .get("/v1/admin/webhooks/" + endpoint.id() + "/deliveries")
                .then().statusCode(200).extract().<List<Map<String, Object>>> path("items"));
    }
}
