package io.lede.openapi;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The committed openapi.yaml is what the code generates. When this fails, the generated document
 * is in target/openapi-generated.yaml: review it and copy it over openapi.yaml (or run the tests
 * with -Dupdate-openapi=true to have it written for you).
 */
@QuarkusTest
class OpenApiDocumentTest {

    private static final Path COMMITTED = Path.of("openapi.yaml");

    @Test
    void shouldMatchTheCommittedDocument() throws IOException {
        String generated = given().queryParam("format", "yaml").get("/q/openapi")
                .then().statusCode(200).extract().asString();
        Files.writeString(Path.of("target", "openapi-generated.yaml"), generated, StandardCharsets.UTF_8);
        if (Boolean.getBoolean("update-openapi")) {
            Files.writeString(COMMITTED, generated, StandardCharsets.UTF_8);
        }
        String committed = Files.exists(COMMITTED) ? Files.readString(COMMITTED, StandardCharsets.UTF_8) : "";
        assertEquals(committed, generated, "openapi.yaml is out of date: copy target/openapi-generated.yaml over it");
    }
}
