package io.lede.article;

import static io.lede.TestApi.article;
import static io.lede.TestApi.create;
import static io.lede.TestApi.uniqueSection;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Bodies as stored: every block starts with its type id "t" (also on PostgreSQL, whose jsonb
 * reorders keys), while the API shows blocks with "type" only.
 */
@QuarkusTest
class StoredBodyFormatTest {

    @Inject
    EntityManager entityManager;

    @Test
    void shouldStoreEachBlockWithItsTypeIdFirstAndShowTheApiShapeUnchanged() {
        String id = create(article(uniqueSection(), "Stored with the type first")).path("id");

        String stored = (String) entityManager.createNativeQuery("select cast(body as varchar) from article where id = :id")
                .setParameter("id", UUID.fromString(id)).getSingleResult();
        assertTrue(stored.replace(" ", "").startsWith("[{\"t\":\"paragraph\""), "stored body: " + stored);
        int blocks = stored.split("\\{").length - 1;
        int typeIdsFirst = stored.replace(" ", "").split("\\{\"t\":").length - 1;
        assertTrue(blocks == typeIdsFirst && blocks == 3, "every block starts with its type id: " + stored);

        given().get("/v1/articles/" + id).then().statusCode(200)
                .body("body[0].type", equalTo("paragraph"))
                .body("body[0]", not(hasKey("t")))
                .body("body[1].type", equalTo("heading"));
    }
}
