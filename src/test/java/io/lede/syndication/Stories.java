package io.lede.syndication;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import io.lede.TestApi;
import io.lede.image.TestImages;
import io.restassured.http.ContentType;

/**
 * A story with what partners syndicate: a lead picture, a picture in the body, a quote by a speaker
 * linked to a person entity, markup-like text, entities it is about or mentions, contributors (one
 * an agency linked to an organisation), and a correction.
 */
final class Stories {

    static final String HEADLINE = "Tolls <b>rise</b> & ferries \"wait\"";
    static final String SPEAKER_ROLE = "harbour master";
    static final String CORRECTION = "An earlier version gave the wrong day for the reopening.";

    private Stories() {
    }

    /** What was made: the article, its pictures, its quote, and the URIs of the entities it names. */
    record Story(String id, String section, String leadImage, String bodyImage, String quote, String speaker,
            Entity person, Entity place, Entity organisation, Entity topic, Entity speakerEntity, Entity agency) {
    }

    record Entity(String id, String name, String uri) {
    }

    static Story published() {
        return create("published");
    }

    static Story create(String status) {
        String lead = picture("Ferry at the quay", "Lede/Ines Berg", "Ines Berg", "(c) 2026 Lede");
        String inBody = picture("Queue of cars", "Agency/Photo Desk", null, null);
        Entity person = entity("person", "Astrid Holm", TestApi.uniqueWikidataUri());
        Entity place = entity("place", "Bergen", TestApi.uniqueWikidataUri());
        Entity organisation = entity("organisation", "Coastal Ferry Company", TestApi.uniqueWikidataUri());
        Entity topic = entity("topic", "maritime transport",
                "http://cv.iptc.org/newscodes/mediatopic/" + (20_000_000 + ThreadLocalRandom.current().nextInt(9_000_000)));
        Entity agency = entity("organisation", "Lede Wire Agency", TestApi.uniqueWikidataUri());
        String speaker = TestApi.uniqueSpeaker("Jonas Vik");
        Entity speakerEntity = entity("person", speaker, TestApi.uniqueWikidataUri());
        Map<String, Object> quoteBody = TestApi.quote(speaker, SPEAKER_ROLE, "We expect delays <until> the weekend.");
        Map<String, Object> who = new HashMap<>(Map.of("name", speaker, "role", SPEAKER_ROLE, "entityId", speakerEntity.id()));
        quoteBody.put("speaker", who);
        String quote = TestApi.createQuote(quoteBody).path("id");
        String section = TestApi.uniqueSection();
        Map<String, Object> body = TestApi.article(section, HEADLINE);
        body.put("status", status);
        body.put("byline", "Mara Lind");
        body.put("location", "Bergen");
        body.put("source", "Lede Wire");
        body.put("leadImage", lead);
        List<Object> blocks = new ArrayList<>((List<?>) body.get("body"));
        blocks.add(Map.of("type", "image", "imageId", inBody));
        blocks.add(Map.of("type", "quote", "quoteId", quote));
        blocks.add(Map.of("type", "paragraph", "text", "Fares: 5 < 7 & \"cheap\"."));
        body.put("body", blocks);
        body.put("entities", List.of(Map.of("id", person.id(), "rel", "about"), Map.of("id", topic.id(), "rel", "about"),
                Map.of("id", place.id(), "rel", "mentions"), Map.of("id", organisation.id(), "rel", "mentions")));
        body.put("contributors", List.of(Map.of("name", "Mara Lind", "role", "author"),
                Map.of("name", "Lede Wire Agency", "role", "author", "entityId", agency.id()),
                Map.of("name", "Ines Berg", "role", "photographer"),
                Map.of("name", "Per Dahl", "role", "editor")));
        String id = TestApi.create(body).path("id");
        if ("published".equals(status)) {
            // Only what has been published is corrected; a draft is edited.
            given().auth().oauth2(TestApi.editorToken()).contentType(ContentType.JSON)
                    .body(Map.of("kind", "correction", "text", CORRECTION))
                    .post("/v1/articles/" + id + "/corrections")
                    .then().statusCode(201);
        }
        return new Story(id, section, lead, inBody, quote, speaker, person, place, organisation, topic, speakerEntity, agency);
    }

    static Entity entity(String type, String name, String uri) {
        String id = given().auth().oauth2(TestApi.editorToken()).contentType(ContentType.JSON)
                .body(Map.of("type", type, "name", name, "uri", uri, "description", "About " + name,
                        "sameAs", List.of("https://en.wikipedia.org/wiki/" + name.replace(' ', '_'))))
                .post("/v1/entities")
                .then().statusCode(201).extract().path("id");
        return new Entity(id, name, uri);
    }

    static String picture(String caption, String credit, String creator, String copyright) {
        var request = given().auth().oauth2(TestApi.editorToken())
                .multiPart("file", "picture.png", TestImages.png(400, 200), "image/png")
                .multiPart("caption", caption)
                .multiPart("credit", credit);
        if (creator != null) {
            request = request.multiPart("creator", creator).multiPart("copyrightNotice", copyright);
        }
        return request.post("/v1/images").then().statusCode(201).extract().path("id");
    }
}
