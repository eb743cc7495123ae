package io.lede.http;

import static io.lede.TestApi.article;
import static io.lede.TestApi.create;
import static io.lede.TestApi.uniqueSection;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;

@QuarkusTest
class HttpCachingTest {

    @Test
    void shouldCompressJsonForClientsThatAcceptGzipAndSaySoToCaches() {
        Map<String, Object> body = article(uniqueSection(), "A long read");
        body.put("body", List.of(Map.of("type", "paragraph", "text", "All work and no play. ".repeat(400))));
        String id = create(body).path("id");

        given().config(RestAssuredConfig.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders()))
                .header("Accept-Encoding", "gzip")
                .get("/v1/articles/" + id)
                .then().statusCode(200)
                .header("Content-Encoding", "gzip")
                .header("Vary", containsString("Accept-Encoding"));
        given().header("Accept-Encoding", "gzip").get("/v1/articles/" + id)
                .then().statusCode(200)
                .body("headline", equalTo("A long read"));
    }

    @Test
    void shouldCompressTheSyndicationFormatsAndFeedsToo() {
        Map<String, Object> body = article(uniqueSection(), "A long read for partners");
        body.put("body", List.of(Map.of("type", "paragraph", "text", "The tide came in over the harbour wall. ".repeat(200))));
        String section = (String) body.get("section");
        String id = create(body).path("id");

        for (String path : List.of("/v1/articles/" + id + "?format=jsonld", "/v1/articles/" + id + "?format=ninjs",
                "/v1/feeds/" + section + ".json", "/v1/feeds/" + section + ".rss", "/v1/feeds/" + section + ".atom")) {
            given().config(RestAssuredConfig.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders()))
                    .header("Accept-Encoding", "gzip")
                    .get(path)
                    .then().statusCode(200)
                    .header("Content-Encoding", "gzip");
        }
    }
}
