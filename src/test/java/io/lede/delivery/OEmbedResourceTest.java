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

    @Test
    void shouldOfferAnAbsoluteThumbnailThatFitsWhatTheConsumerAsked() {
        String image = io.lede.TestApi.uploadImage(io.lede.image.TestImages.png(1200, 800), "wide.png", "image/png").path("id");
        Map<String, Object> story = article(uniqueSection(), "Thumbnail sizes");
        story.put("leadImage", image);
        String url = create(story).path("url");

        // No lede.public-url in tests: the URLs are made absolute from the request.
        Response card = given().queryParam("url", url).get("/v1/oembed").then().statusCode(200).extract().response();
        org.junit.jupiter.api.Assertions.assertTrue(card.<String>path("thumbnail_url").matches("https?://[^/]+/v1/images/" + image + "/content\\?w=320"),
                card.<String>path("thumbnail_url"));
        org.junit.jupiter.api.Assertions.assertEquals(320, card.<Integer>path("thumbnail_width"));
        org.junit.jupiter.api.Assertions.assertEquals(213, card.<Integer>path("thumbnail_height"));
        org.junit.jupiter.api.Assertions.assertTrue(card.<String>path("html").contains("<img src=\"" + card.<String>path("thumbnail_url") + "\""),
                card.<String>path("html"));

        // oEmbed 1.0: nothing larger than maxwidth x maxheight; the thumbnail is the largest step that fits.
        given().queryParam("url", url).queryParam("maxwidth", 200).get("/v1/oembed").then().statusCode(200)
                .body("thumbnail_url", containsString("/content?w=160"))
                .body("thumbnail_width", equalTo(160)).body("thumbnail_height", equalTo(107))
                .body("width", lessThanOrEqualTo(200));
        given().queryParam("url", url).queryParam("maxheight", 120).get("/v1/oembed").then().statusCode(200)
                .body("thumbnail_width", equalTo(160)).body("thumbnail_height", lessThanOrEqualTo(120));
        // Smaller than the smallest rendition: no thumbnail at all rather than one that does not fit.
        given().queryParam("url", url).queryParam("maxwidth", 100).get("/v1/oembed").then().statusCode(200)
                .body("thumbnail_url", org.hamcrest.Matchers.nullValue())
                .body("thumbnail_width", org.hamcrest.Matchers.nullValue())
                .body("html", not(containsString("<img")));
        // The rendition it names really has the size it declares.
        byte[] thumb = given().get(card.<String>path("thumbnail_url").replaceAll("^https?://[^/]+", "")).then().statusCode(200)
                .extract().asByteArray();
        java.awt.image.BufferedImage picture = io.lede.image.TestImages.decode(thumb);
        org.junit.jupiter.api.Assertions.assertEquals(320, picture.getWidth());
        org.junit.jupiter.api.Assertions.assertEquals(213, picture.getHeight());
    }

    @Test
    void aDraftReadByAnEditorShouldAdvertiseNoCard() {
        Map<String, Object> draft = article(uniqueSection(), "Draft without a card");
        draft.put("status", "draft");
        String id = create(draft).path("id");
        given().auth().oauth2(io.lede.TestApi.editorToken()).get("/v1/articles/" + id).then().statusCode(200)
                .header("Link", org.hamcrest.Matchers.nullValue());
    }
}
