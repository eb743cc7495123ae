package io.lede.db;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The service started against a database that does not answer: readiness is DOWN and reads are
 * 503 problems with Retry-After, not 500s. (Stopping the shared database is never an option.)
 */
@QuarkusTest
@TestProfile(DatabaseDownTest.UnreachableDatabase.class)
class DatabaseDownTest {

    public static class UnreachableDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            boolean postgres = System.getProperty("quarkus.test.profile", "test").contains("pg");
            return Map.of(
                    "quarkus.datasource.jdbc.url", postgres
                            ? "jdbc:postgresql://127.0.0.1:1/nothing"
                            : "jdbc:h2:tcp://127.0.0.1:1/nothing",
                    "quarkus.datasource.jdbc.acquisition-timeout", "2s",
                    "quarkus.flyway.migrate-at-start", "false",
                    "quarkus.flyway.clean-at-start", "false",
                    // Nothing to validate the entities against.
                    "quarkus.hibernate-orm.schema-management.strategy", "none",
                    "lede.publish-check-interval", "1h");
        }
    }

    @Test
    void shouldBeNotReadyAndAnswer503WithRetryAfter() {
        given().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
        given().get("/q/health/live").then().statusCode(200);

        given().get("/v1/articles")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", equalTo("5"))
                .body("status", equalTo(503));
        given().get("/v1/articles/some-slug").then().statusCode(503);
    }
}
