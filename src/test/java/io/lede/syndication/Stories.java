package io.lede.syndication;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.lede.TestApi;
import io.lede.image.TestImages;

/** A published story with what partners syndicate: a lead picture, a picture in the body, a quote, markup-like text. */
final class Stories {

    static final String HEADLINE = "Tolls <b>rise</b> & ferries \"wait\"";
    static final String SPEAKER_ROLE = "harbour master";

    private Stories() {
    }

    /** What was made: the article, its pictures and its quote. */
    record Story(String id, String section, String leadImage, String bodyImage, String quote, String speaker) {
    }

    static Story published() {
        return create("published");
    }

    static Story create(String status) {
        String lead = picture("Ferry at the quay", "Lede/Ines Berg", "Ines Berg", "(c) 2026 Lede");
        String inBody = picture("Queue of cars", "Agency/Photo Desk", null, null);
        String speaker = TestApi.uniqueSpeaker("Jonas Vik");
        String quote = TestApi.createQuote(TestApi.quote(speaker, SPEAKER_ROLE, "We expect delays <until> the weekend.")).path("id");
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
        String id = TestApi.create(body).path("id");
        return new Story(id, section, lead, inBody, quote, speaker);
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
