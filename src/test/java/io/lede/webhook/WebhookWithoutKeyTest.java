package io.lede.webhook;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.lede.TestApi;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** A service without lede.webhooks.secret-key, as production before it is configured: no secret is ever stored. */
@QuarkusTest
@TestProfile(WebhookWithoutKeyTest.NoKey.class)
class WebhookWithoutKeyTest {

    public static class NoKey implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("lede.webhooks.secret-key", "");
        }
    }

    @Test
    void shouldRefuseToRegisterWith503AndKeepServingEverythingElse() {
        Webhooks.post(Map.of("url", "https://partner.example/hooks", "events", List.of("article.published")))
                .then().statusCode(503).contentType("application/problem+json")
                .body("detail", containsString("lede.webhooks.secret-key"));
        given().auth().oauth2(TestApi.ADMIN).get("/v1/admin/webhooks").then().statusCode(200).body("items", equalTo(List.of()));
        TestApi.create(TestApi.article(TestApi.uniqueSection(), "Writes go on without webhooks"));
    }
}
