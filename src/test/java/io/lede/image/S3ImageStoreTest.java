package io.lede.image;

import static io.lede.TestApi.ADMIN;
import static io.lede.TestApi.uploadImage;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Originals in an S3-compatible store: s3proxy on loopback, spoken to with signed requests. */
@QuarkusTest
@TestProfile(S3OneSlotProfile.class)
class S3ImageStoreTest {

    @Inject
    ImageStore store;

    @Test
    void shouldKeepUploadedOriginalsInTheBucketAndServeThemBack() throws IOException {
        byte[] png = TestImages.png(64, 48);
        String id = uploadImage(png, "harbour.png", "image/png").path("id");

        List<Path> objects = objectsIn(S3ProxyResource.bucketDirectory);
        Path stored = objects.stream().filter(path -> path.toString().contains(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no object for " + id + " in " + objects));
        assertTrue(S3ProxyResource.bucketDirectory.relativize(stored).toString().startsWith("lede/originals/"),
                "keys carry the configured prefix: " + stored);
        assertArrayEquals(png, Files.readAllBytes(stored));

        byte[] served = given().get("/v1/images/" + id + "/content").then().statusCode(200)
                .contentType("image/png").extract().asByteArray();
        assertArrayEquals(png, served);
        given().get("/v1/images/" + id + "/content?w=32").then().statusCode(200).contentType("image/png");

        given().auth().oauth2(ADMIN).delete("/v1/images/" + id).then().statusCode(204);
        assertFalse(Files.exists(stored), "the object goes with the image");
        given().get("/v1/images/" + id + "/content").then().statusCode(404);
    }

    @Test
    void shouldReportAMissingObjectAsAMissingFile() {
        try {
            store.open("originals/none/nothing.png").close();
            throw new AssertionError("opening a key that is not there should fail");
        } catch (NoSuchFileException expected) {
            assertEquals("originals/none/nothing.png", expected.getFile());
        } catch (IOException e) {
            throw new AssertionError("expected NoSuchFileException", e);
        }
    }

    @Test
    void shouldListTheImageLikeAnyOther() {
        String id = uploadImage(TestImages.png(20, 20), "small.png", "image/png").path("id");
        given().get("/v1/images/" + id).then().statusCode(200).body("id", equalTo(id)).body("width", equalTo(20));
    }

    @Test
    void shouldCallAStoreThatDoesNotAnswerUnavailable() throws IOException {
        Path file = Files.createTempFile("lede-s3", ".png");
        Files.write(file, TestImages.png(4, 4));
        try (S3ImageStore unreachable = new S3ImageStore(new UnreachableS3())) {
            assertThrows(ImageStore.UnavailableException.class, () -> unreachable.put("originals/x/y.png", file));
            assertThrows(ImageStore.UnavailableException.class, () -> unreachable.open("originals/x/y.png"));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** An S3 configuration pointing at a port nothing listens on. */
    static final class UnreachableS3 implements ImageConfig.S3 {
        @Override
        public java.util.Optional<java.net.URI> endpoint() {
            return java.util.Optional.of(java.net.URI.create("http://127.0.0.1:1"));
        }

        @Override
        public String region() {
            return "us-east-1";
        }

        @Override
        public String bucket() {
            return "nowhere";
        }

        @Override
        public boolean createBucket() {
            return false;
        }

        @Override
        public java.util.Optional<String> prefix() {
            return java.util.Optional.empty();
        }

        @Override
        public boolean pathStyle() {
            return true;
        }

        @Override
        public java.util.Optional<String> accessKeyId() {
            return java.util.Optional.of("key");
        }

        @Override
        public java.util.Optional<String> secretAccessKey() {
            return java.util.Optional.of("secret");
        }
    }

    private static List<Path> objectsIn(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
