package io.lede.syndication;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.lede.TestApi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** format=ninjs: IPTC ninjs 3.1 items and lists, valid against IPTC's own schema. */
@QuarkusTest
class NinjsFormatTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldSendAPublishedArticleAsValidNinjs() throws Exception {
        Stories.Story story = Stories.published();
        Response json = given().get("/v1/articles/" + story.id()).then().statusCode(200).extract().response();

        Response ninjs = given().queryParam("format", "ninjs").get("/v1/articles/" + story.id())
                .then().statusCode(200)
                .contentType("application/json")
                .header("ETag", notNullValue())
                .header("Cache-Control", startsWith("public"))
                .header("Surrogate-Key", containsString("article-" + story.id()))
                .header("Surrogate-Key", containsString("image-" + story.leadImage()))
                .header("Surrogate-Key", containsString("quote-" + story.quote()))
                .body("uri", equalTo("urn:uuid:" + story.id()))
                .body("type", equalTo("text"))
                .body("standard.version", equalTo("3.1"))
                .body("version", equalTo(String.valueOf(json.<Object>path("version"))))
                .body("versionCreated", equalTo(json.path("updatedAt")))
                .body("firstCreated", equalTo(json.path("publishedAt")))
                .body("pubStatus", equalTo("usable"))
                .body("language", equalTo("en"))
                .body("slugline", equalTo(json.path("slug")))
                .body("headlines", hasSize(1))
                .body("headlines[0].role", equalTo("main"))
                .body("headlines[0].value", equalTo(Stories.HEADLINE))
                .body("descriptions[0].value", equalTo("A standfirst for " + Stories.HEADLINE))
                .body("by", equalTo("Mara Lind"))
                .body("located", equalTo("Bergen"))
                .body("infoSources[0].name", equalTo("Lede Wire"))
                .body("renditions[0].name", equalTo("web"))
                .body("renditions[0].href", equalTo(json.path("url")))
                .body("subjects.name", contains("maritime transport", "testing"))
                .body("subjects.rel", contains("about", "tag"))
                .body("subjects[0].uri", equalTo(story.topic().uri()))
                .body("people.name", contains("Astrid Holm"))
                .body("people[0].rel", equalTo("about"))
                .body("people[0].uri", equalTo(story.person().uri()))
                .body("places.name", contains("Bergen"))
                .body("places[0].rel", equalTo("mentions"))
                .body("places[0].uri", equalTo(story.place().uri()))
                // Entities it names, then contributors linked to one, with their role as rel.
                .body("organisations.name", contains("Coastal Ferry Company", "Lede Wire Agency"))
                .body("organisations.rel", contains("mentions", "author"))
                .body("organisations.uri", contains(story.organisation().uri(), story.agency().uri()))
                .header("Surrogate-Key", containsString("entity-" + story.person().id()))
                .header("Surrogate-Key", containsString("entity-" + story.agency().id()))
                .header("Surrogate-Key", containsString("entity-" + story.speakerEntity().id()))
                .extract().response();

        JsonNode document = JSON.readTree(ninjs.asString());
        assertEquals(List.of(), NinjsSchema.problems(document));
        // Plain text as stored, and HTML with every text escaped and inline links as anchors.
        assertEquals("text/plain", document.at("/bodies/0/contentType").asText());
        assertEquals(json.path("bodyText"), document.at("/bodies/0/value").asText());
        assertEquals("text/html", document.at("/bodies/1/contentType").asText());
        String html = document.at("/bodies/1/value").asText();
        assertContains(html, "<p>First paragraph of Tolls &lt;b&gt;rise&lt;/b&gt; &amp; ferries &quot;wait&quot;.</p><h2>A heading</h2>");
        assertContains(html, "<p>See <a href=\"https://example.org/source\">the source</a> for more.</p>");
        assertContains(html, "<blockquote><p>We expect delays &lt;until&gt; the weekend.</p><footer>" + story.speaker()
                + ", harbour master</footer></blockquote>");
        assertContains(html, "<p>Fares: 5 &lt; 7 &amp; &quot;cheap&quot;.</p>");
        assertContains(html, "<figcaption>Queue of cars (Agency/Photo Desk)</figcaption>");
    }

    @Test
    void shouldLeaveCorrectionsOutAsNinjsHasNoPlaceForThem() throws Exception {
        Stories.Story story = Stories.published();
        given().get("/v1/articles/" + story.id()).then().body("corrections[0].text", equalTo(Stories.CORRECTION));

        String ninjs = given().queryParam("format", "ninjs").get("/v1/articles/" + story.id()).then().statusCode(200).extract().asString();
        assertFalse(ninjs.contains(Stories.CORRECTION), ninjs);
        assertEquals(List.of(), NinjsSchema.problems(JSON.readTree(ninjs)));
    }

    @Test
    void shouldCarryPicturesAndQuotesAsAssociations() {
        Stories.Story story = Stories.published();

        given().queryParam("format", "ninjs").get("/v1/articles/" + story.id())
                .then().statusCode(200)
                .body("associations.name", contains("leadImage", "image-1", "quote-1"))
                .body("associations.rel", contains("leadImage", "image", "quote"))
                .body("associations[0].uri", equalTo("urn:uuid:" + story.leadImage()))
                .body("associations[0].type", equalTo("picture"))
                .body("associations[0].descriptions[0].value", equalTo("Ferry at the quay"))
                .body("associations[0].by", equalTo("Ines Berg"))
                .body("associations[0].copyrightNotice", equalTo("(c) 2026 Lede"))
                .body("associations[0].infoSources[0].name", equalTo("Lede/Ines Berg"))
                .body("associations[0].infoSources[0].role", equalTo("creditline"))
                .body("associations[0].renditions[0].name", equalTo("original"))
                .body("associations[0].renditions[0].href", startsWith("http://"))
                .body("associations[0].renditions[0].href", endsWith("/v1/images/" + story.leadImage() + "/content"))
                .body("associations[0].renditions[0].contentType", equalTo("image/png"))
                .body("associations[0].renditions[0].width", equalTo(400))
                .body("associations[0].renditions[0].height", equalTo(200))
                .body("associations[0].renditions.href", everyItem(startsWith("http://")))
                .body("associations[0].renditions.name", org.hamcrest.Matchers.hasItems("original", "thumb"))
                .body("associations[1].uri", equalTo("urn:uuid:" + story.bodyImage()))
                .body("associations[1].by", nullValue())
                .body("associations[2].uri", equalTo("urn:uuid:" + story.quote()))
                .body("associations[2].type", equalTo("text"))
                .body("associations[2].bodies[0].value", equalTo("We expect delays <until> the weekend."))
                .body("associations[2].by", equalTo(story.speaker() + ", harbour master"))
                .body("associations[2].people[0].name", equalTo(story.speaker()))
                .body("associations[2].people[0].rel", equalTo("speaker"))
                .body("associations[2].people[0].uri", equalTo(story.speakerEntity().uri()));
    }

    @Test
    void shouldFailTheSchemaCheckForAnInvalidDocument() throws Exception {
        Stories.Story story = Stories.published();
        ObjectNode document = (ObjectNode) JSON.readTree(
                given().queryParam("format", "ninjs").get("/v1/articles/" + story.id()).then().statusCode(200).extract().asString());
        assertEquals(List.of(), NinjsSchema.problems(document));

        ObjectNode nonsense = document.deepCopy().put("pubStatus", "nonsense");
        assertFalse(NinjsSchema.problems(nonsense).isEmpty(), "pubStatus nonsense passed the schema");
        ObjectNode unknown = document.deepCopy().put("colour", "red");
        assertFalse(NinjsSchema.problems(unknown).isEmpty(), "an unknown property passed the schema");
        ObjectNode notAUri = document.deepCopy().put("uri", "not a uri");
        assertFalse(NinjsSchema.problems(notAUri).isEmpty(), "a uri with spaces passed the schema");
        // The GeoJSON schema is read from the standards folder, not the network: a valid point passes, a point without coordinates does not.
        ObjectNode located = document.deepCopy();
        located.putArray("places").addObject().put("name", "Bergen")
                .set("geoJSON", JSON.readTree("{\"type\": \"Point\", \"coordinates\": [5.32, 60.39]}"));
        assertEquals(List.of(), NinjsSchema.problems(located));
        ((ObjectNode) located.get("places").get(0).get("geoJSON")).remove("coordinates");
        assertFalse(NinjsSchema.problems(located).isEmpty(), "a GeoJSON point without coordinates passed the schema");
        ObjectNode noUri = document.deepCopy();
        noUri.remove("uri");
        assertFalse(NinjsSchema.problems(noUri).isEmpty(), "a document without uri passed the schema");
    }

    @Test
    void shouldPageAListOfNinjsItemsAsOtherListsPage() throws Exception {
        String section = TestApi.uniqueSection();
        String oldest = TestApi.createPublished(section, "First of three", "2026-01-01T10:00:00Z");
        String middle = TestApi.createPublished(section, "Second of three", "2026-01-02T10:00:00Z");
        String newest = TestApi.createPublished(section, "Third of three", "2026-01-03T10:00:00Z");

        Response first = given().queryParam("section", section).queryParam("limit", 2).queryParam("format", "ninjs")
                .get("/v1/articles")
                .then().statusCode(200)
                .contentType("application/json")
                .header("Link", containsString("rel=\"next\""))
                .header("Link", containsString("format=ninjs"))
                .header("Cache-Control", startsWith("public"))
                .body("items.uri", contains("urn:uuid:" + newest, "urn:uuid:" + middle))
                .body("next", containsString("format=ninjs"))
                .extract().response();
        for (JsonNode item : JSON.readTree(first.asString()).get("items")) {
            assertEquals(List.of(), NinjsSchema.problems(item));
        }

        given().get(first.path("next").toString())
                .then().statusCode(200)
                .body("items.uri", contains("urn:uuid:" + oldest))
                .body("items[0].headlines[0].value", equalTo("First of three"))
                .body("next", nullValue())
                .header("Link", nullValue());
        given().queryParam("section", section).queryParam("format", "ninjs").queryParam("count", true).get("/v1/articles")
                .then().statusCode(200).body("total", equalTo(3)).body("items", hasSize(3)).body("items[0]", not(nullValue()));
    }

    private static void assertContains(String text, String part) {
        if (!text.contains(part)) {
            throw new AssertionError("expected to contain\n  " + part + "\nin\n  " + text);
        }
    }
}
