package io.lede.article;

import static io.lede.TestApi.article;
import static io.lede.TestApi.awaitStatus;
import static io.lede.TestApi.create;
import static io.lede.TestApi.editorToken;
import static io.lede.TestApi.uniqueSection;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.lede.TestClock;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Scheduled articles go live by themselves (the test profile checks every second). The service's
 * clock is moved rather than waited for.
 */
@QuarkusTest
class ScheduledPublishingTest {

    @Inject
    TestClock clock;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void shouldPublishAScheduledArticleWhenItsTimeComes() {
        String section = uniqueSection();
        // Scheduled ten minutes ago (by the service's clock) for five minutes later.
        Instant now = Instant.now();
        Instant at = now.minus(5, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS);
        clock.setTo(now.minus(10, ChronoUnit.MINUTES));
        Map<String, Object> body = article(section, "Goes live by itself");
        body.put("status", "scheduled");
        body.put("publishedAt", at.toString());
        String id = create(body).then().body("status", equalTo("scheduled")).extract().path("id");

        given().get("/v1/articles/" + id).then().statusCode(404);
        given().queryParam("section", section).get("/v1/articles").then().body("items.size()", equalTo(0));

        // Time moves on past the scheduled time: the scheduler publishes it with no request to do so.
        clock.reset();
        awaitStatus("/v1/articles/" + id, 200);
        given().get("/v1/articles/" + id).then().statusCode(200)
                .body("status", equalTo("published"))
                .body("publishedAt", equalTo(at.toString()))
                .body("version", equalTo(1));
        given().queryParam("section", section).get("/v1/articles").then().body("items.id", contains(id));
    }

    @Test
    void shouldPublishAtOnceWhenTheScheduledTimeHasPassed() {
        Map<String, Object> body = article(uniqueSection(), "Already due");
        body.put("status", "scheduled");
        body.put("publishedAt", "2026-01-01T09:00:00Z");
        create(body).then().body("status", equalTo("published")).body("publishedAt", equalTo("2026-01-01T09:00:00Z"));
    }

    @Test
    void shouldListScheduledArticlesForEditors() {
        String section = uniqueSection();
        Map<String, Object> body = article(section, "Later today");
        body.put("status", "scheduled");
        body.put("publishedAt", Instant.now().plus(2, ChronoUnit.HOURS).toString());
        String id = create(body).path("id");
        given().auth().oauth2(editorToken()).queryParam("section", section).queryParam("status", "scheduled")
                .get("/v1/articles")
                .then().statusCode(200)
                .body("items.id", contains(id));
    }
}
