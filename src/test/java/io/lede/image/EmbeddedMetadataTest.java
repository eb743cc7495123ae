package io.lede.image;

import static io.lede.TestApi.editorToken;
import static io.lede.TestApi.patch;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Caption, credit, creator and copyright read from an agency photo's IPTC IIM and XMP on upload. */
@QuarkusTest
class EmbeddedMetadataTest {

    private static final byte[] PHOTO = TestImages.photoJpeg(320, 200);

    private static Response upload(byte[] file, Map<String, String> fields) {
        RequestSpecification request = given().auth().oauth2(editorToken()).multiPart("file", "agency.jpg", file, "image/jpeg");
        fields.forEach(request::multiPart);
        return request.post("/v1/images").then().statusCode(201).extract().response();
    }

    @Test
    void shouldFillEmptyFieldsFromIptc() {
        byte[] file = AgencyPhotos.withMetadata(PHOTO, Map.of(
                AgencyPhotos.CAPTION, "Rescuers search the rubble of a block of flats in Vellmar.",
                AgencyPhotos.CREDIT, "Vellmar Fire Service/AFP",
                AgencyPhotos.BY_LINE, "Jana Öberg",
                AgencyPhotos.COPYRIGHT, "© 2026 AFP"), null);
        Response image = upload(file, Map.of());
        image.then().body("caption", equalTo("Rescuers search the rubble of a block of flats in Vellmar."))
                .body("credit", equalTo("Vellmar Fire Service/AFP"))
                .body("creator", equalTo("Jana Öberg"))
                .body("copyrightNotice", equalTo("© 2026 AFP"));
        // Stored, not only echoed.
        given().get("/v1/images/" + image.path("id")).then().body("creator", equalTo("Jana Öberg"));
        // Renditions carry none of it: metadata is stripped from what is served.
        byte[] rendition = given().get("/v1/images/" + image.path("id") + "/content?w=160").then().statusCode(200)
                .extract().asByteArray();
        assertFalse(TestImages.contains(rendition, "Vellmar"));
    }

    @Test
    void shouldPreferXmpOverIimAndFormFieldsOverBoth() {
        byte[] file = AgencyPhotos.withMetadata(PHOTO,
                Map.of(AgencyPhotos.CAPTION, "IIM caption", AgencyPhotos.BY_LINE, "IIM Photographer", AgencyPhotos.SOURCE, "Reuters"),
                AgencyPhotos.xmp("XMP caption of the flood in Narva", "Kevin Arlen", "© 2026 Reuters", null));
        upload(file, Map.of()).then().body("caption", equalTo("XMP caption of the flood in Narva"))
                .body("creator", equalTo("Kevin Arlen"))
                .body("copyrightNotice", equalTo("© 2026 Reuters"))
                // No credit line in either: the source (the agency) is what to credit.
                .body("credit", equalTo("Reuters"));
        upload(file, Map.of("caption", "Our own caption", "creator", "Desk photographer")).then()
                .body("caption", equalTo("Our own caption")).body("creator", equalTo("Desk photographer"))
                .body("copyrightNotice", equalTo("© 2026 Reuters"));
    }

    @Test
    void shouldCleanWhatAFileCarriesAsItCleansInput() {
        String longCredit = "A".repeat(400);
        byte[] file = AgencyPhotos.withMetadata(PHOTO,
                Map.of(AgencyPhotos.BY_LINE, "Name\u0000With\u0007Controls", AgencyPhotos.CREDIT, longCredit), null);
        upload(file, Map.of()).then().body("creator", equalTo("NameWithControls"))
                .body("credit", equalTo("A".repeat(300)));
        // A file without metadata leaves the fields empty.
        upload(PHOTO, Map.of()).then().body("caption", nullValue()).body("creator", nullValue());
    }

    @Test
    void shouldEditCreatorAndCopyrightLikeOtherMetadata() {
        Response image = upload(PHOTO, Map.of("creator", "Mara Lind", "copyrightNotice", "Copyright 2026 Lede"));
        image.then().body("creator", equalTo("Mara Lind")).body("copyrightNotice", equalTo("Copyright 2026 Lede"));
        String path = "/v1/images/" + image.path("id");
        patch(editorToken(), path, image.header("ETag"), Map.of("creator", "M. Lind")).then().statusCode(200)
                .body("creator", equalTo("M. Lind")).body("copyrightNotice", equalTo("Copyright 2026 Lede"));
        patch(editorToken(), path, given().get(path).header("ETag"), Map.of("creator", "x".repeat(301))).then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(editorToken()).multiPart("file", "a.jpg", PHOTO, "image/jpeg").multiPart("creator", "Bad\u0001Name")
                .post("/v1/images").then().statusCode(400).contentType("application/problem+json");
    }
}
