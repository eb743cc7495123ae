package io.lede.image;

import static io.lede.TestApi.uploadImage;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/** One rendition at a time and no waiting: a burst of new renditions gets 503s with Retry-After. */
@QuarkusTest
@TestProfile(S3OneSlotProfile.class)
class RenditionSlotsTest {

    private static final List<Integer> STEPS = List.of(160, 320, 480, 640, 800, 1024, 1280, 1600);

    @Test
    void shouldRefuseRenditionsBeyondTheLimitWith503AndRetryAfter() throws Exception {
        String id = uploadImage(TestImages.photoJpeg(2400, 1800), "photo.jpg", "image/jpeg").path("id");
        List<Response> answers = burst(id);
        List<Response> refused = answers.stream().filter(answer -> answer.statusCode() == 503).toList();
        assertTrue(answers.stream().allMatch(answer -> answer.statusCode() == 200 || answer.statusCode() == 503),
                "statuses: " + answers.stream().map(Response::statusCode).toList());
        assertTrue(answers.stream().anyMatch(answer -> answer.statusCode() == 200), "every rendition was refused");
        assertTrue(!refused.isEmpty(), "eight renditions at once, one slot, no wait: none was refused");
        for (Response answer : refused) {
            answer.then().contentType("application/problem+json").body("status", equalTo(503));
            assertTrue(Integer.parseInt(answer.header("Retry-After")) > 0);
        }

        // Once the burst is over, each of them can be had.
        for (int width : STEPS) {
            given().queryParam("w", width).get("/v1/images/" + id + "/content").then().statusCode(200);
        }
        assertEquals(8, STEPS.size());
    }

    private static List<Response> burst(String id) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(STEPS.size());
        try {
            List<Callable<Response>> calls = new ArrayList<>();
            for (int width : STEPS) {
                calls.add(() -> given().queryParam("w", width).get("/v1/images/" + id + "/content").then().extract().response());
            }
            List<Response> answers = new ArrayList<>();
            for (Future<Response> answer : pool.invokeAll(calls)) {
                answers.add(answer.get());
            }
            return answers;
        } finally {
            pool.shutdown();
        }
    }
}
