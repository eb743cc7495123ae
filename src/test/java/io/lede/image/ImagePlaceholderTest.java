package io.lede.image;

import static io.lede.TestApi.article;
import static io.lede.TestApi.create;
import static io.lede.TestApi.editorToken;
import static io.lede.TestApi.uniqueSection;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.hamcrest.Matcher;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * What an app paints first (placeholders), what it picks from (srcset) and the format it gets
 * (format=auto), as image responses, inlined images and headlines carry them.
 */
@QuarkusTest
class ImagePlaceholderTest {

    /** Vary names Accept among its tokens (Accept-Encoding may be there too). */
    private static final Matcher<String> VARIES_BY_ACCEPT = matchesPattern("(?i)(^|.*,\\s*)Accept(\\s*,.*|$)");

    private static Response upload(byte[] bytes, String name, String type) {
        return given().auth().oauth2(editorToken()).multiPart("file", name, bytes, type).post("/v1/images")
                .then().statusCode(201).extract().response();
    }

    private static BufferedImage solid(int width, int height, Color color) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }

    /** The average colour a ThumbHash decoder reads from the hash's header (its L, P and Q terms). */
    private static int[] averageOf(String thumbhash) {
        byte[] hash = Base64.getDecoder().decode(thumbhash);
        int header = (hash[0] & 255) | (hash[1] & 255) << 8 | (hash[2] & 255) << 16;
        double l = (header & 63) / 63.0;
        double p = ((header >> 6) & 63) / 31.5 - 1;
        double q = ((header >> 12) & 63) / 31.5 - 1;
        double b = l - 2.0 / 3 * p;
        double r = (3 * l - b + q) / 2;
        double g = r - q;
        return new int[] { channel(r), channel(g), channel(b) };
    }

    private static int channel(double value) {
        return (int) Math.round(255 * Math.max(0, Math.min(1, value)));
    }

    @Test
    void shouldGiveASolidColourAThumbHashOfThatColourAndItsDominantColour() {
        Color teal = new Color(0x2a, 0x8c, 0x82);
        Response image = upload(TestImages.encode(solid(64, 48, teal), "png"), "teal.png", "image/png");
        image.then().body("placeholder.dominantColor", equalTo("#2a8c82"))
                .body("placeholder.thumbhash", matchesPattern("^[A-Za-z0-9+/]+=*$"));
        int[] average = averageOf(image.path("placeholder.thumbhash"));
        int[] expected = { teal.getRed(), teal.getGreen(), teal.getBlue() };
        for (int i = 0; i < 3; i++) {
            assertTrue(Math.abs(average[i] - expected[i]) <= 8, () -> "decoded " + List.of(average[0], average[1], average[2]));
        }
        // Stored once, the same on every read.
        given().get("/v1/images/" + image.path("id")).then().statusCode(200)
                .body("placeholder.thumbhash", equalTo(image.path("placeholder.thumbhash")));
    }

    @Test
    void shouldTakeTheMostCommonColourNotTheAverage() {
        BufferedImage sky = solid(80, 40, new Color(0x87, 0xce, 0xeb));
        Graphics2D g = sky.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(60, 20, 20, 20);
        g.dispose();
        upload(TestImages.encode(sky, "png"), "sky.png", "image/png").then().body("placeholder.dominantColor", equalTo("#87ceeb"));
        // A landscape and a portrait picture hash to different lengths of detail, both decodable.
        String wide = upload(TestImages.photoJpeg(300, 100), "wide.jpg", "image/jpeg").path("placeholder.thumbhash");
        String tall = upload(TestImages.photoJpeg(100, 300), "tall.jpg", "image/jpeg").path("placeholder.thumbhash");
        assertTrue((Base64.getDecoder().decode(wide)[4] & 0x80) != 0, "landscape flag not set");
        assertEquals(0, Base64.getDecoder().decode(tall)[4] & 0x80);
    }

    @Test
    void shouldListASourcePerWidthStepUpToThePictureForSrcset() {
        Response image = upload(TestImages.photoJpeg(700, 350), "wide.jpg", "image/jpeg");
        String id = image.path("id");
        List<Map<String, Object>> sources = image.path("srcset");
        // Steps 160, 320, 480, 640, then 800 shown at the picture's own 700: never enlarged.
        assertEquals(List.of(160, 320, 480, 640, 700), sources.stream().map(source -> source.get("width")).toList());
        assertEquals(List.of(80, 160, 240, 320, 350), sources.stream().map(source -> source.get("height")).toList());
        assertTrue(sources.stream().allMatch(source -> "image/jpeg".equals(source.get("type"))));
        assertEquals("/v1/images/" + id + "/content?w=160", sources.get(0).get("url"));
        given().get((String) sources.get(1).get("url")).then().statusCode(200).contentType("image/jpeg");
    }

    @Test
    void shouldPickWebPForClientsThatNameItAndSayItVaries() {
        String id = upload(TestImages.photoJpeg(400, 300), "photo.jpg", "image/jpeg").path("id");
        String path = "/v1/images/" + id + "/content?w=320&format=auto";
        Response webp = given().header("Accept", "image/avif,image/webp,image/*;q=0.8").get(path);
        webp.then().statusCode(200).contentType("image/webp").header("Vary", VARIES_BY_ACCEPT)
                .header("Cache-Control", org.hamcrest.Matchers.containsString("immutable"));
        given().header("Accept", "image/*").get(path).then().statusCode(200).contentType("image/jpeg").header("Vary", VARIES_BY_ACCEPT);
        given().get(path).then().statusCode(200).contentType("image/jpeg");
        // Each variant has its own ETag, so a 304 never crosses variants.
        String tag = webp.header("ETag");
        given().header("Accept", "image/webp").header("If-None-Match", tag).get(path).then().statusCode(304);
        given().header("Accept", "image/jpeg").header("If-None-Match", tag).get(path).then().statusCode(200);
        // A named format never varies.
        given().header("Accept", "image/webp").get("/v1/images/" + id + "/content?w=320&format=png").then()
                .statusCode(200).contentType("image/png").header("Vary", not(VARIES_BY_ACCEPT));
        given().get("/v1/images/" + id + "/content?format=avif").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void shouldCarryThePlaceholderInHeadlinesAndInlinedImages() {
        String section = uniqueSection();
        Response image = upload(TestImages.encode(solid(320, 160, new Color(0x33, 0x66, 0xcc)), "png"), "blue.png", "image/png");
        String id = image.path("id");
        Map<String, Object> body = article(section, "Blue hour over the harbour");
        body.put("leadImage", id);
        String article = create(body).path("id");
        JsonPath headlines = given().queryParam("section", section).get("/v1/headlines").then().statusCode(200).extract().jsonPath();
        assertEquals("#3366cc", headlines.getString("items[0].thumbnail.placeholder.dominantColor"));
        assertEquals(320, headlines.getInt("items[0].thumbnail.width"));
        assertEquals(160, headlines.getInt("items[0].thumbnail.height"));
        assertEquals(image.path("placeholder.thumbhash"), headlines.getString("items[0].thumbnail.placeholder.thumbhash"));
        given().queryParam("include", "images").get("/v1/articles/" + article).then().statusCode(200)
                .body("leadImage.placeholder.dominantColor", equalTo("#3366cc"));
    }
}
