package io.lede.image;

import static io.lede.TestApi.ADMIN;
import static io.lede.TestApi.article;
import static io.lede.TestApi.create;
import static io.lede.TestApi.editorToken;
import static io.lede.TestApi.patch;
import static io.lede.TestApi.readerToken;
import static io.lede.TestApi.uniqueSection;
import static io.lede.TestApi.uploadImage;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
class ImageResourceTest {

    private static final Path ORIGINALS = Path.of("target/test-data/images");
    private static final Path RENDITIONS = Path.of("target/test-data/renditions");

    @Test
    void shouldStoreJpegPngWebpAndGifByTheirBytes() {
        BufferedImage picture = TestImages.halves(200, 100);
        for (String format : List.of("jpeg", "png", "webp", "gif")) {
            byte[] bytes = TestImages.encode(picture, format);
            // The declared type and name lie on purpose: only the bytes count.
            Response stored = uploadImage(bytes, "upload.bin", "application/octet-stream");
            stored.then()
                    .body("mimeType", equalTo("image/" + format))
                    .body("width", equalTo(200))
                    .body("height", equalTo(100))
                    .body("bytes", equalTo(bytes.length))
                    .body("caption", equalTo("A test picture"))
                    .body("credit", equalTo("Lede/Test Desk"))
                    .body("contentUrl", endsWith("/v1/images/" + stored.path("id") + "/content"))
                    .body("renditions.thumb", endsWith("/content?w=320"))
                    .body("renditions.large", endsWith("/content?w=2048"));
            byte[] original = given().get("/v1/images/" + stored.path("id") + "/content")
                    .then().statusCode(200)
                    .contentType("image/" + format)
                    .extract().asByteArray();
            assertEquals(bytes.length, original.length, format);
        }
    }

    @Test
    void shouldRenderRenditionsOfTheRightSize() {
        String id = uploadImage(TestImages.png(1000, 500), "p.png", "image/png").path("id");

        // Sizes are rounded up to steps: 50 → 160, h alone 20 → 160, h with w scaled as w was (100 → 160).
        assertSize(rendition(id, Map.of("w", "50")), 160, 80);
        assertSize(rendition(id, Map.of("h", "20")), 320, 160);
        assertSize(rendition(id, Map.of("w", "100", "h", "100")), 160, 80);
        // Never larger than the original; beyond the largest step, the largest.
        assertSize(rendition(id, Map.of("w", "4000")), 1000, 500);
        assertSize(rendition(id, Map.of("w", "400", "h", "400", "fit", "cover")), 480, 480);
        assertSize(rendition(id, Map.of("w", "50", "h", "50", "fit", "cover")), 160, 160);
        assertSize(rendition(id, Map.of("w", "600", "h", "100", "fit", "cover")), 640, 107);
    }

    @Test
    void shouldSnapNearbySizesToOneRendition() {
        String id = uploadImage(TestImages.png(1000, 500), "p.png", "image/png").path("id");
        double before = generatedRenditions();
        Response asked = given().queryParam("w", 300).get("/v1/images/" + id + "/content").then().statusCode(200)
                .header("Content-Location", "/v1/images/" + id + "/content?w=320").extract().response();
        Response step = given().queryParam("w", 320).get("/v1/images/" + id + "/content").then().statusCode(200)
                .header("Content-Location", "/v1/images/" + id + "/content?w=320").extract().response();
        assertEquals(step.header("ETag"), asked.header("ETag"));
        assertEquals(before + 1, generatedRenditions(), "two nearby widths generated two renditions");
        assertSize(asked.asByteArray(), 320, 160);
        given().queryParam("w", 301).header("If-None-Match", step.header("ETag")).get("/v1/images/" + id + "/content")
                .then().statusCode(304);

        given().queryParam("w", 300).queryParam("h", 100).queryParam("fit", "cover").queryParam("format", "webp")
                .get("/v1/images/" + id + "/content").then().statusCode(200).contentType("image/webp")
                .header("Content-Location", "/v1/images/" + id + "/content?w=320&h=107&fit=cover&format=webp");
        given().queryParam("h", 90).get("/v1/images/" + id + "/content").then().statusCode(200)
                .header("Content-Location", "/v1/images/" + id + "/content?h=160");
        given().queryParam("w", 1).queryParam("h", 4096).queryParam("fit", "cover").get("/v1/images/" + id + "/content")
                .then().statusCode(200).header("Content-Location", "/v1/images/" + id + "/content?w=160&h=4096&fit=cover");
        // The presets in the metadata are URLs of steps.
        given().get("/v1/images/" + id).then().statusCode(200)
                .body("renditions.thumb", endsWith("/content?w=320"))
                .body("renditions.small", endsWith("/content?w=640"));
    }

    @Test
    void shouldRenderEveryColourModelInEveryFormat() {
        Map<String, byte[]> pictures = new java.util.LinkedHashMap<>();
        pictures.put("gray 8-bit PNG", TestImages.encode(TestImages.gray(400, 200, false), "png"));
        pictures.put("gray 16-bit PNG", TestImages.encode(TestImages.gray(400, 200, true), "png"));
        pictures.put("gray JPEG", TestImages.encode(TestImages.gray(400, 200, false), "jpeg"));
        pictures.put("16-bit RGB PNG", TestImages.encode(TestImages.rgb16(400, 200), "png"));
        pictures.put("palette PNG", TestImages.encode(TestImages.palette(400, 200), "png"));
        pictures.put("alpha PNG", TestImages.encode(TestImages.alpha(400, 200), "png"));
        pictures.put("GIF", TestImages.encode(TestImages.halves(400, 200), "gif"));
        pictures.put("alpha WebP", TestImages.encode(TestImages.alpha(400, 200), "webp"));
        for (Map.Entry<String, byte[]> picture : pictures.entrySet()) {
            String id = uploadImage(picture.getValue(), "picture", "application/octet-stream")
                    .then().body("width", equalTo(400)).body("height", equalTo(200)).extract().path("id");
            for (String format : List.of("webp", "jpeg", "png")) {
                byte[] bytes = given().queryParam("w", 160).queryParam("format", format).get("/v1/images/" + id + "/content")
                        .then().statusCode(200).contentType("image/" + format).extract().asByteArray();
                BufferedImage image = TestImages.decode(bytes);
                assertEquals("160x80", image.getWidth() + "x" + image.getHeight(), picture.getKey() + " as " + format);
            }
        }
        // Gray values stay what they were (a mid-gray pixel is not lightened on its way to RGB).
        String ramp = uploadImage(TestImages.encode(TestImages.gray(400, 200, true), "png"), "g.png", "image/png").path("id");
        BufferedImage png = TestImages.decode(rendition(ramp, Map.of("w", "160", "format", "png")));
        int middle = png.getRGB(80, 40) & 0xff;
        assertTrue(Math.abs(middle - 128) < 12, "mid-gray became " + middle);
    }

    @Test
    void shouldRefuseFilesWithoutTheirPixelData() throws IOException {
        long files = countFiles(ORIGINALS);
        int images = totalImages();
        byte[] photo = TestImages.photoJpeg(800, 600);

        refuse(TestImages.truncated(photo), "half.jpg", "image/jpeg", 400).then().body("detail", containsString("truncated"));
        refuse(TestImages.jpegHeaderOnly(photo), "header.jpg", "image/jpeg", 400);
        refuse(java.util.Arrays.copyOf(photo, photo.length - 200), "cut.jpg", "image/jpeg", 400);
        refuse(TestImages.webpHeader(7000, 7000, 20), "bomb.webp", "image/webp", 400).then().body("detail", containsString("7000×7000"));
        refuse(TestImages.gifHeader(7000, 7000), "bomb.gif", "image/gif", 400).then().body("detail", containsString("7000×7000"));
        refuse(TestImages.gifHeader(300, 300), "blank.gif", "image/gif", 400);
        refuse(TestImages.truncated(TestImages.encode(TestImages.halves(300, 200), "webp")), "cut.webp", "image/webp", 400);

        assertEquals(files, countFiles(ORIGINALS), "a refused upload left a file");
        assertEquals(images, totalImages(), "a refused upload left a row");
        // The whole photo is fine.
        uploadImage(photo, "photo.jpg", "image/jpeg").then().body("width", equalTo(800));
    }

    @Test
    void shouldAnswerMalformedMultipartWithProblems() throws IOException {
        long files = countFiles(ORIGINALS);
        int images = totalImages();
        String type = "multipart/form-data; boundary=XYZ";
        String part = "--XYZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\nContent-Type: image/png\r\n\r\n";
        for (String body : List.of("this is not multipart", "", part + "abcdef",
                "--ABC\r\nContent-Disposition: form-data; name=\"caption\"\r\n\r\nhello\r\n--ABC--\r\n",
                "--XYZ\r\nContent-Disposition: form-data; name=\"caption\"\r\nContent-Type: text/plain; charset=nonsense\r\n\r\nx\r\n--XYZ--\r\n")) {
            rawUpload(type, body.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1))
                    .then().statusCode(400).contentType("application/problem+json").body("status", equalTo(400));
        }
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 1200; i++) {
            many.append("--XYZ\r\nContent-Disposition: form-data; name=\"f").append(i).append("\"\r\n\r\nv\r\n");
        }
        many.append("--XYZ--\r\n");
        rawUpload(type, many.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .then().statusCode(413).contentType("application/problem+json").body("status", equalTo(413));
        assertEquals(files, countFiles(ORIGINALS), "a refused upload left a file");
        assertEquals(images, totalImages(), "a refused upload left a row");

        // A valid caption of 1,500 Cyrillic letters (3,000 bytes) is stored, and a longer one is a 400 naming it.
        given().auth().oauth2(editorToken()).multiPart("file", "p.png", TestImages.png(10, 10), "image/png")
                .multiPart("caption", "ж".repeat(1500), "text/plain; charset=UTF-8").post("/v1/images")
                .then().statusCode(201).body("caption", equalTo("ж".repeat(1500)));
        given().auth().oauth2(editorToken()).multiPart("file", "p.png", TestImages.png(10, 10), "image/png")
                .multiPart("caption", "ж".repeat(2001), "text/plain; charset=UTF-8").post("/v1/images")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("caption"));
    }

    @Test
    void shouldCropCoverAroundTheFocalPoint() {
        Response left = given().auth().oauth2(editorToken())
                .multiPart("file", "f.png", TestImages.png(200, 100), "image/png")
                .multiPart("focalPoint", "0.2,0.5")
                .post("/v1/images").then().statusCode(201)
                .body("focalPoint.x", equalTo(0.2f)).extract().response();
        BufferedImage crop = TestImages.decode(rendition(left.path("id"), Map.of("w", "50", "h", "50", "fit", "cover")));
        // Rounded up to 160×160, then no larger than the 100×100 crop there is.
        assertEquals(100, crop.getWidth());
        assertEquals(100, crop.getHeight());
        assertRed(crop.getRGB(25, 25));
        assertRed(crop.getRGB(90, 25));

        // Move the focal point to the right half: the same URL now crops blue.
        patch(editorToken(), "/v1/images/" + left.path("id"), left.header("ETag"),
                Map.of("focalPoint", Map.of("x", 0.8, "y", 0.5)))
                .then().statusCode(200).body("focalPoint.x", equalTo(0.8f)).body("version", equalTo(1));
        BufferedImage moved = TestImages.decode(rendition(left.path("id"), Map.of("w", "50", "h", "50", "fit", "cover")));
        assertBlue(moved.getRGB(25, 25));
    }

    @Test
    void shouldServeRenditionsImmutableWithETagsAndAnswer304() {
        String id = uploadImage(TestImages.png(200, 100), "p.png", "image/png").path("id");
        Response first = given().queryParam("w", 64).queryParam("format", "jpeg").get("/v1/images/" + id + "/content")
                .then().statusCode(200)
                .contentType("image/jpeg")
                .header("Cache-Control", "public, max-age=31536000, immutable")
                .extract().response();
        String etag = first.header("ETag");
        given().queryParam("w", 64).queryParam("format", "jpeg").header("If-None-Match", etag).get("/v1/images/" + id + "/content")
                .then().statusCode(304).header("ETag", etag);
        given().queryParam("w", 64).queryParam("format", "webp").get("/v1/images/" + id + "/content")
                .then().statusCode(200).contentType("image/webp");
        given().get("/v1/images/" + id + "/content").then().statusCode(200)
                .header("Cache-Control", "public, max-age=31536000, immutable");
        assertSize(rendition(id, Map.of("w", "64", "format", "webp")), 160, 80);
    }

    @Test
    void shouldApplyExifOrientationAndStripExifFromRenditions() {
        // Orientation 6: the camera was turned; the picture is shown rotated 90° clockwise.
        byte[] jpeg = TestImages.jpegWithExif(TestImages.halves(400, 200), 6, "GPS 48.8584 N 2.2945 E");
        assertTrue(TestImages.contains(jpeg, "Exif"));
        String id = uploadImage(jpeg, "camera.jpg", "image/jpeg")
                .then().body("width", equalTo(200)).body("height", equalTo(400))
                .extract().path("id");

        byte[] small = rendition(id, Map.of("w", "160"));
        assertSize(small, 160, 320);
        assertFalse(TestImages.contains(small, "Exif"), "EXIF survived into the rendition");
        assertFalse(TestImages.contains(small, "48.8584"), "the GPS note survived into the rendition");
    }

    @Test
    void shouldRefuseWhatIsNotAnImageAndStoreNothing() throws IOException {
        long files = countFiles(ORIGINALS);
        int images = totalImages();

        byte[] pdf = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF".getBytes();
        refuse(pdf, "photo.jpg", "image/jpeg", 415);
        refuse(TestImages.truncated(TestImages.png(300, 300)), "cut.png", "image/png", 400);
        refuse(TestImages.pngHeader(60000, 60000), "bomb.png", "image/png", 413)
                .then().body("detail", containsString("60000"));
        refuse("GIF89a but nothing else".getBytes(), "broken.gif", "image/gif", 400);

        assertEquals(files, countFiles(ORIGINALS), "a refused upload left a file");
        assertEquals(images, totalImages(), "a refused upload left a row");
    }

    @Test
    void shouldRefuseFilesOverTheSizeLimit() {
        byte[] big = new byte[21 * 1024 * 1024];
        System.arraycopy(TestImages.png(10, 10), 0, big, 0, 8);
        given().auth().oauth2(editorToken()).multiPart("file", "big.png", big, "image/png").post("/v1/images")
                .then().statusCode(413).contentType("application/problem+json");
    }

    @Test
    void shouldValidateUploads() {
        given().auth().oauth2(editorToken()).multiPart("caption", "no file").post("/v1/images")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("file"));
        given().auth().oauth2(editorToken()).multiPart("file", "p.png", TestImages.png(10, 10), "image/png")
                .multiPart("focalPoint", "left").post("/v1/images")
                .then().statusCode(400).body("errors[0].field", equalTo("focalPoint"));
        given().auth().oauth2(editorToken()).multiPart("file", "p.png", TestImages.png(10, 10), "image/png")
                .multiPart("focalPoint", "1.5,0.5").post("/v1/images")
                .then().statusCode(400).body("errors[0].field", equalTo("focalPoint.x"));
        given().auth().oauth2(editorToken()).multiPart("file", "p.png", TestImages.png(10, 10), "image/png")
                .multiPart("caption", "x".repeat(2001)).post("/v1/images")
                .then().statusCode(400).body("errors[0].field", equalTo("caption"));
        given().auth().oauth2(editorToken()).contentType(ContentType.JSON).body("{}").post("/v1/images").then().statusCode(415);
        given().multiPart("file", "p.png", TestImages.png(10, 10), "image/png").post("/v1/images").then().statusCode(401);
        given().auth().oauth2(readerToken()).multiPart("file", "p.png", TestImages.png(10, 10), "image/png").post("/v1/images")
                .then().statusCode(403);
    }

    @Test
    void shouldRejectBadRenditionParameters() {
        String id = uploadImage(TestImages.png(20, 20), "p.png", "image/png").path("id");
        for (String[] bad : List.of(new String[] { "w", "0" }, new String[] { "w", "5000" }, new String[] { "h", "x" },
                new String[] { "w", " " }, new String[] { "w", "" }, new String[] { "h", " " },
                new String[] { "fit", "stretch" }, new String[] { "format", "tiff" })) {
            given().queryParam(bad[0], bad[1]).get("/v1/images/" + id + "/content")
                    .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo(bad[0]));
        }
        given().queryParam("w", 10).queryParam("fit", "cover").get("/v1/images/" + id + "/content")
                .then().statusCode(400).body("errors[0].field", equalTo("fit"));
        given().get("/v1/images/" + UUID.randomUUID() + "/content").then().statusCode(404);
        given().get("/v1/images/nope").then().statusCode(404);
    }

    @Test
    void shouldGenerateARenditionOnceUnderConcurrentFirstRequests() throws Exception {
        String id = uploadImage(TestImages.png(400, 300), "p.png", "image/png").path("id");
        double before = generatedRenditions();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> given().queryParam("w", 123).get("/v1/images/" + id + "/content").statusCode());
            }
            for (Future<Integer> status : pool.invokeAll(calls)) {
                assertEquals(200, status.get());
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(before + 1, generatedRenditions());
    }

    @Test
    void shouldListSearchAndFilterImages() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String afp = given().auth().oauth2(editorToken()).multiPart("file", "a.png", TestImages.png(10, 10), "image/png")
                .multiPart("caption", "Lighthouse " + tag + " at dusk").multiPart("credit", "Emergency Service/AFP")
                .post("/v1/images").then().statusCode(201).extract().path("id");
        given().auth().oauth2(editorToken()).multiPart("file", "b.png", TestImages.png(10, 10), "image/png")
                .multiPart("caption", "Harbour " + tag).multiPart("credit", "Kevin Lamar/Reuters")
                .post("/v1/images").then().statusCode(201);

        given().queryParam("q", "lighthouse " + tag).get("/v1/images")
                .then().statusCode(200).body("items.id", org.hamcrest.Matchers.contains(afp));
        given().queryParam("q", tag).queryParam("credit", "afp").get("/v1/images")
                .then().body("items.id", org.hamcrest.Matchers.contains(afp));
        Response page = given().queryParam("q", tag).queryParam("limit", 1).queryParam("count", true).get("/v1/images")
                .then().statusCode(200).body("total", equalTo(2)).body("items.size()", equalTo(1)).extract().response();
        given().urlEncodingEnabled(false).get(page.<String> path("next")).then().statusCode(200).body("items.id",
                org.hamcrest.Matchers.contains(afp));
        given().queryParam("limit", 0).get("/v1/images").then().statusCode(400);
    }

    @Test
    void shouldPatchMetadataWithIfMatch() {
        Response stored = uploadImage(TestImages.png(10, 10), "p.png", "image/png");
        String id = stored.path("id");
        given().auth().oauth2(editorToken()).contentType("application/merge-patch+json").body(Map.of("caption", "x"))
                .patch("/v1/images/" + id).then().statusCode(428);
        patch(editorToken(), "/v1/images/" + id, "\"old\"", Map.of("caption", "x")).then().statusCode(412);
        patch(editorToken(), "/v1/images/" + id, stored.header("ETag"),
                Map.of("credit", "Emergency Service/AFP", "altText", "Red and blue"))
                .then().statusCode(200)
                .body("credit", equalTo("Emergency Service/AFP"))
                .body("altText", equalTo("Red and blue"))
                .body("caption", equalTo("A test picture"))
                .body("width", equalTo(10));
        patch(readerToken(), "/v1/images/" + id, "*", Map.of("caption", "x")).then().statusCode(403);
    }

    @Test
    void shouldDeleteOnlyAsAdminAndNotWhileAPublishedArticleUsesIt() throws IOException {
        String used = uploadImage(TestImages.png(30, 30), "p.png", "image/png").path("id");
        Map<String, Object> story = article(uniqueSection(), "Pictured");
        story.put("leadImage", used);
        String slug = create(story).path("slug");
        given().auth().oauth2(editorToken()).delete("/v1/images/" + used).then().statusCode(403);
        given().auth().oauth2(ADMIN).delete("/v1/images/" + used)
                .then().statusCode(409).contentType("application/problem+json").body("detail", containsString(slug));

        String unused = uploadImage(TestImages.png(30, 30), "p.png", "image/png").path("id");
        rendition(unused, Map.of("w", "10"));
        assertTrue(Files.exists(RENDITIONS.resolve(unused)));
        long files = countFiles(ORIGINALS);
        given().auth().oauth2(ADMIN).delete("/v1/images/" + unused).then().statusCode(204);
        given().get("/v1/images/" + unused).then().statusCode(404);
        given().get("/v1/images/" + unused + "/content").then().statusCode(404);
        assertEquals(files - 1, countFiles(ORIGINALS));
        assertFalse(Files.exists(RENDITIONS.resolve(unused)), "renditions outlived their image");
    }

    static byte[] rendition(String id, Map<String, String> params) {
        return given().queryParams(params).get("/v1/images/" + id + "/content")
                .then().statusCode(200).extract().asByteArray();
    }

    static void assertSize(byte[] bytes, int width, int height) {
        BufferedImage image = TestImages.decode(bytes);
        assertEquals(width + "x" + height, image.getWidth() + "x" + image.getHeight());
    }

    private static void assertRed(int rgb) {
        assertTrue(((rgb >> 16) & 0xff) > 200 && (rgb & 0xff) < 60, "expected red, got " + Integer.toHexString(rgb));
    }

    private static void assertBlue(int rgb) {
        assertTrue((rgb & 0xff) > 200 && ((rgb >> 16) & 0xff) < 60, "expected blue, got " + Integer.toHexString(rgb));
    }

    private static Response refuse(byte[] bytes, String name, String type, int status) {
        return given().auth().oauth2(editorToken()).multiPart("file", name, bytes, type).post("/v1/images")
                .then().statusCode(status).contentType("application/problem+json").extract().response();
    }

    private static Response rawUpload(String contentType, byte[] body) {
        return given().auth().oauth2(editorToken()).contentType(contentType).body(body).post("/v1/images");
    }

    private static int totalImages() {
        return given().queryParam("count", true).queryParam("limit", 1).get("/v1/images").path("total");
    }

    private static long countFiles(Path root) throws IOException {
        if (!Files.exists(root)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    private static double generatedRenditions() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(line -> line.startsWith("lede_renditions_generated_total"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }
}
