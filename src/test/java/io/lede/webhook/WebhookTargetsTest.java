package io.lede.webhook;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.lede.TestApi;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** Where webhooks may not go, with private targets refused as in production: at registration and again at every attempt. */
@QuarkusTest
@TestProfile(WebhookTargetsTest.PublicTargetsOnly.class)
class WebhookTargetsTest {

    public static class PublicTargetsOnly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("lede.webhooks.allow-private-targets", "false");
        }
    }

    @Inject
    EntityManager entityManager;

    @Test
    void shouldRefuseLoopbackLinkLocalAndPrivateTargets() {
        for (String url : List.of("http://127.0.0.1/hooks", "http://localhost:8080/hooks", "http://10.1.2.3/", "https://192.168.0.10/",
                "http://172.16.5.4/", "http://169.254.169.254/latest/meta-data/", "http://[::1]/", "http://[fd00::1]/",
                "http://[fe80::1]/", "http://0.0.0.0/", "http://[::ffff:127.0.0.1]/", "http://100.64.0.1/", "http://2130706433/")) {
            Webhooks.post(Map.of("url", url, "events", List.of("article.published")))
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("url")).body("errors[0].message", containsString("private"));
        }
    }

    @Test
    void shouldCheckTheTargetAgainWhenSending() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            // A public name when registered that points at loopback later, as a rebinding name would.
            Webhooks.Endpoint endpoint = Webhooks.register("https://partner.example/hooks", "article.published");
            QuarkusTransaction.requiringNew().run(() -> entityManager
                    .createQuery("update WebhookEndpoint set url = :url where id = :id")
                    .setParameter("url", receiver.url()).setParameter("id", java.util.UUID.fromString(endpoint.id())).executeUpdate());
            String article = TestApi.create(TestApi.article(TestApi.uniqueSection(), "Rebinding refused")).path("id");
            TestApi.await(() -> !Webhooks.deliveries(endpoint).isEmpty(), "an attempt logged");
            Map<String, Object> attempt = Webhooks.deliveries(endpoint).get(0);
            assertNull(attempt.get("status"));
            assertTrue(((String) attempt.get("error")).startsWith("target refused"), attempt.toString());
            assertEquals(List.of(), receiver.about(article), "nothing reached the loopback receiver");
            Webhooks.delete(endpoint);
        }
    }

    @Test
    void shouldRegisterANameThatDoesNotResolveYetAndLogItsAttempts() {
        Webhooks.Endpoint endpoint = Webhooks.register("http://webhook-target.invalid/hooks", "article.published");
        TestApi.create(TestApi.article(TestApi.uniqueSection(), "Nowhere to send"));
        TestApi.await(() -> !Webhooks.deliveries(endpoint).isEmpty(), "an attempt logged");
        given().auth().oauth2(TestApi.ADMIN).get("/v1/admin/webhooks/" + endpoint.id() + "/deliveries").then().statusCode(200)
                .body("items[0].error", equalTo("target refused: the host does not resolve"));
        Webhooks.delete(endpoint);
    }
}
