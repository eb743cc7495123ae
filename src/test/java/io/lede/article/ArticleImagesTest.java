package io.lede.article;

import static io.lede.TestApi.article;
import static io.lede.TestApi.create;
import static io.lede.TestApi.editorToken;
import static io.lede.TestApi.uniqueSection;
import static io.lede.TestApi.uploadPng;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Articles and the images they use: as lead image and in image blocks. */
@QuarkusTest
class ArticleImagesTest {

    @Test
    void shouldRefuseImagesThatDoNotExist() {
        String real = uploadPng();
        Map<String, Object> story = article(uniqueSection(), "Missing pictures");
        story.put("leadImage", UUID.randomUUID().toString());
        story.put("body", List.of(Map.of("type", "image", "imageId", real),
                Map.of("type", "image", "imageId", UUID.randomUUID().toString())));

        given().auth().oauth2(editorToken()).contentType(ContentType.JSON).body(story).post("/v1/articles")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("body[1].imageId", "leadImage"));
    }

    @Test
    void shouldInlineImagesOnlyWhenAsked() {
        String lead = uploadPng();
        String inBody = uploadPng();
        String section = uniqueSection();
        Map<String, Object> story = article(section, "With pictures");
        story.put("leadImage", lead);
        story.put("body", List.of(Map.of("type", "paragraph", "text", "Look."), Map.of("type", "image", "imageId", inBody)));
        String id = create(story).path("id");

        // Lean by default: ids only.
        given().queryParam("section", section).get("/v1/articles")
                .then().statusCode(200)
                .body("items[0].leadImage", equalTo(lead))
                .body("items[0].body[1].imageId", equalTo(inBody))
                .body("items[0].body[1]", not(hasKey("image")));

        given().queryParam("include", "images").get("/v1/articles/" + id)
                .then().statusCode(200)
                .body("leadImage.id", equalTo(lead))
                .body("leadImage.width", equalTo(40))
                .body("leadImage.renditions.thumb", endsWith("/v1/images/" + lead + "/content?w=320"))
                .body("body[1].imageId", equalTo(inBody))
                .body("body[1].image.id", equalTo(inBody))
                .body("body[1].image.credit", equalTo("Lede/Test Desk"));
        given().queryParam("section", section).queryParam("include", "images,quotes").get("/v1/articles")
                .then().statusCode(200)
                .body("items[0].leadImage.id", equalTo(lead))
                .body("items[0].body[1].image.id", equalTo(inBody));
    }
}
