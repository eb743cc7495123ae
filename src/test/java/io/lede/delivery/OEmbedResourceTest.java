package io.lede.delivery;

import static io.lede.TestApi.article;
import static io.lede.TestApi.create;
import static io.lede.TestApi.uniqueSection;
import static io.lede.TestApi.uploadPng;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class OEmbedResourceTest {

    @Test
    void shouldAnswerWithARichCardCarryingEveryRequiredField() {
        Map<String, Object> story = article(uniqueSection(), "Harbour <script>alert(1)</script> & \"quotes\"");
        story.put("byline", "Ada Berg");
        story.put("leadImage", uploadPng());
        Response created = create(story);
        String url = created.path("url");

        given().queryParam("url", url).queryParam("maxwidth", 400).get("/v1/oembed")
                .then().statusCode(200)
                .contentType("application/json")
                .header("ETag", notNullValue())
                .body("version", equalTo("1.0"))
                .body("type", equalTo("rich"))
                .body("width", lessThanOrEqualTo(400))
                .body("height", notNullValue())
                .body("title", equalTo("Harbour <script>alert(1)</script> & \"quotes\""))
                .body("author_name", equalTo("Ada Berg"))
                .body("provider_name", equalTo("Lede"))
                .body("thumbnail_url", containsString("/content?w=320"))
                .body("thumbnail_width", notNullValue())
                .body("thumbnail_height", notNullValue())
                .body("html", containsString("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;"))
                .body("html", not(containsString("<script>")));
    }

    @Test
    void shouldBeDiscoverableFromTheArticle() {
        Response created = create(article(uniqueSection(), "Discover me"));
        String link = given().get("/v1/articles/" + created.path("id")).then().statusCode(200).extract().header("Link");
        org.junit.jupiter.api.Assertions.assertTrue(link.contains("/v1/oembed?url=") && link.contains("application/json+oembed"), link);
        String endpoint = link.substring(1, link.indexOf('>'));
        given().urlEncodingEnabled(false).get(endpoint).then().statusCode(200).body("title", equalTo("Discover me"));
    }

    @Test
    void shouldRefuseWhatIsNotOurs() {
        Map<String, Object> draft = article(uniqueSection(), "Draft embed");
        draft.put("status", "draft");
        String draftUrl = create(draft).path("url");
        String published = create(article(uniqueSection(), "Elsewhere")).path("url");

        given().queryParam("url", "https://evil.example/world/harbour").get("/v1/oembed").then().statusCode(404)
                .contentType("application/problem+json");
        given().queryParam("url", draftUrl).get("/v1/oembed").then().statusCode(404);
        given().queryParam("url", published.replaceAll("/[^/]+/([^/]+)$", "/other-section/$1")).get("/v1/oembed")
                .then().statusCode(404);
        given().queryParam("url", published).queryParam("format", "xml").get("/v1/oembed").then().statusCode(501)
                .contentType("application/problem+json");
        given().get("/v1/oembed").then().statusCode(400).body("errors[0].field", equalTo("url"));
        given().queryParam("url", published).queryParam("maxwidth", "wide").get("/v1/oembed").then().statusCode(400);
    }
}
