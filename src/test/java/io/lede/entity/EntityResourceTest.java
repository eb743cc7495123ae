package io.lede.entity;

import static io.lede.TestApi.ADMIN;
import static io.lede.TestApi.article;
import static io.lede.TestApi.create;
import static io.lede.TestApi.createEntity;
import static io.lede.TestApi.createQuote;
import static io.lede.TestApi.editorToken;
import static io.lede.TestApi.etag;
import static io.lede.TestApi.patch;
import static io.lede.TestApi.quote;
import static io.lede.TestApi.readerToken;
import static io.lede.TestApi.uniqueSection;
import static io.lede.TestApi.uniqueSpeaker;
import static io.lede.TestApi.uniqueWikidataUri;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
class EntityResourceTest {

    @Test
    void shouldCreateAnEntityStoringHttpsUrisAsHttpAndKeepItFromThePublicUntilPublishedContentShowsIt() {
        String number = uniqueWikidataUri().substring("http://www.wikidata.org/entity/".length());
        Map<String, Object> body = new HashMap<>(Map.of("type", "place", "name", "Hamburg",
                "uri", "https://www.wikidata.org/entity/" + number, "description", "Port city on the Elbe",
                "sameAs", List.of("https://en.wikipedia.org/wiki/Hamburg")));
        Response created = given().auth().oauth2(editorToken()).contentType(ContentType.JSON).body(body).post("/v1/entities")
                .then().statusCode(201)
                .header("ETag", notNullValue())
                .body("type", equalTo("place"))
                .body("uri", equalTo("http://www.wikidata.org/entity/" + number))
                .body("sameAs", contains("https://en.wikipedia.org/wiki/Hamburg"))
                .body("version", equalTo(0))
                .extract().response();
        String id = created.path("id");
        created.then().header("Location", containsString("/v1/entities/" + id));

        given().auth().oauth2(editorToken()).get("/v1/entities/" + id).then().statusCode(200)
                .header("Cache-Control", containsString("private")).body("name", equalTo("Hamburg"));
        given().get("/v1/entities/" + id).then().statusCode(404);
        given().auth().oauth2(readerToken()).get("/v1/entities/" + id).then().statusCode(404);

        Map<String, Object> draft = article(uniqueSection(), "Draft about the port");
        draft.put("status", "draft");
        draft.put("entities", List.of(Map.of("id", id, "rel", "about")));
        String draftId = create(draft).path("id");
        given().get("/v1/entities/" + id).then().statusCode(404);
        given().queryParam("q", "hamburg").get("/v1/entities").then().statusCode(200).body("items.id", not(hasItem(id)));

        given().auth().oauth2(editorToken()).contentType("application/merge-patch+json")
                .header("If-Match", etag(editorToken(), "/v1/articles/" + draftId)).body(Map.of("status", "published"))
                .patch("/v1/articles/" + draftId).then().statusCode(200);
        given().get("/v1/entities/" + id).then().statusCode(200)
                .header("Cache-Control", "public, max-age=60, stale-while-revalidate=600")
                .body("name", equalTo("Hamburg"));
        given().queryParam("q", "AMBUR").queryParam("type", "place").get("/v1/entities").then().statusCode(200)
                .body("items.id", hasItem(id));
        given().queryParam("type", "person").get("/v1/entities").then().statusCode(200).body("items.id", not(hasItem(id)));
    }

    @Test
    void shouldRefuseBadEntitiesWithProblems() {
        Map<String, Object> bad = new HashMap<>(Map.of("type", "planet", "name", "Hamburg", "uri", uniqueWikidataUri()));
        given().auth().oauth2(editorToken()).contentType(ContentType.JSON).body(bad).post("/v1/entities")
                .then().statusCode(400).contentType("application/problem+json");
        for (String uri : List.of("https://en.wikipedia.org/wiki/Hamburg", "http://www.wikidata.org/entity/P31",
                "http://www.wikidata.org/entity/Q0", "http://cv.iptc.org/newscodes/mediatopic/123", "javascript:alert(1)")) {
            given().auth().oauth2(editorToken()).contentType(ContentType.JSON)
                    .body(Map.of("type", "topic", "name", "Something", "uri", uri)).post("/v1/entities")
                    .then().statusCode(400).body("errors.field", hasItem("uri"));
        }
        given().auth().oauth2(editorToken()).contentType(ContentType.JSON)
                .body(Map.of("type", "topic", "name", " ", "uri", uniqueWikidataUri(), "sameAs", List.of("not a url")))
                .post("/v1/entities")
                .then().statusCode(400).body("errors.field", hasItem("name")).body("errors.field", hasItem("sameAs[0]"));
        given().contentType(ContentType.JSON).body(Map.of("type", "topic", "name", "X", "uri", uniqueWikidataUri()))
                .post("/v1/entities").then().statusCode(401);
        given().auth().oauth2(readerToken()).contentType(ContentType.JSON)
                .body(Map.of("type", "topic", "name", "X", "uri", uniqueWikidataUri())).post("/v1/entities").then().statusCode(403);
        given().get("/v1/entities/not-an-id").then().statusCode(404).contentType("application/problem+json");
        given().queryParam("type", "galaxy").get("/v1/entities").then().statusCode(400);
    }

    @Test
    void shouldKeepOneEntityPerUriWhateverTheScheme() {
        String uri = "http://cv.iptc.org/newscodes/mediatopic/" + (20_000_000 + (int) (Math.random() * 9_000_000));
        given().auth().oauth2(editorToken()).contentType(ContentType.JSON)
                .body(Map.of("type", "topic", "name", "Maritime transport", "uri", uri)).post("/v1/entities")
                .then().statusCode(201).body("uri", equalTo(uri));
        given().auth().oauth2(editorToken()).contentType(ContentType.JSON)
                .body(Map.of("type", "topic", "name", "Shipping", "uri", uri.replace("http:", "https:"))).post("/v1/entities")
                .then().statusCode(409).contentType("application/problem+json");
        String other = createEntity("topic", "Ports");
        patch(editorToken(), "/v1/entities/" + other, etag(editorToken(), "/v1/entities/" + other), Map.of("uri", uri))
                .then().statusCode(409);
    }

    @Test
    void shouldRefuseToDeleteWhatPublishedContentUsesAndUnlinkDrafts() {
        String about = createEntity("place", "Marren harbour");
        String author = createEntity("person", "Lena Okafor");
        String speaker = createEntity("person", "Ilse Marren");
        Map<String, Object> published = article(uniqueSection(), "Harbour reopens");
        published.put("entities", List.of(Map.of("id", about, "rel", "about")));
        published.put("contributors", List.of(Map.of("name", "Lena Okafor", "role", "author", "entityId", author)));
        String publishedId = create(published).path("id");
        Map<String, Object> said = quote(uniqueSpeaker("Ilse Marren"), "harbour master", "We open the berths one by one.");
        ((Map<String, Object>) said.get("speaker")).put("entityId", speaker);
        createQuote(said);

        for (String id : List.of(about, author, speaker)) {
            given().auth().oauth2(ADMIN).delete("/v1/entities/" + id).then().statusCode(409).contentType("application/problem+json");
        }

        String draftOnly = createEntity("person", "Oskar Vint");
        Map<String, Object> draft = article(uniqueSection(), "Draft with a captain");
        draft.put("status", "draft");
        draft.put("entities", List.of(Map.of("id", draftOnly, "rel", "mentions")));
        draft.put("contributors", List.of(Map.of("name", "Oskar Vint", "role", "photographer", "entityId", draftOnly)));
        String draftId = create(draft).path("id");
        given().auth().oauth2(editorToken()).delete("/v1/entities/" + draftOnly).then().statusCode(204);
        given().auth().oauth2(editorToken()).get("/v1/entities/" + draftOnly).then().statusCode(404);
        // The draft keeps naming it until an editor saves it, as drafts do with a deleted image or quote.
        given().auth().oauth2(editorToken()).get("/v1/articles/" + draftId).then().statusCode(200)
                .body("entities[0].id", equalTo(draftOnly))
                .body("contributors[0].name", equalTo("Oskar Vint"));
        given().auth().oauth2(editorToken()).queryParam("entity", draftOnly).queryParam("status", "draft").get("/v1/articles")
                .then().statusCode(200).body("items", empty());
        patch(editorToken(), "/v1/articles/" + draftId, etag(editorToken(), "/v1/articles/" + draftId), Map.of("headline", "Still a draft"))
                .then().statusCode(400).body("errors.field", contains("entities[0].id", "contributors[0].entityId"));
        patch(editorToken(), "/v1/articles/" + draftId, etag(editorToken(), "/v1/articles/" + draftId),
                Map.of("entities", List.of(), "contributors", List.of(Map.of("name", "Oskar Vint", "role", "photographer"))))
                .then().statusCode(200).body("entities", empty()).body("contributors[0].entityId", nullValue());
        given().get("/v1/articles/" + publishedId).then().statusCode(200)
                .body("contributors[0].entityId", equalTo(author));
    }

    @Test
    void shouldCheckTheEntitiesAnArticleNames() {
        String topic = createEntity("topic", "Weather");
        Map<String, Object> body = article(uniqueSection(), "Storm warning");
        body.put("entities", List.of(Map.of("id", UUID.randomUUID().toString(), "rel", "about"),
                Map.of("id", topic, "rel", "about"), Map.of("id", topic, "rel", "mentions")));
        body.put("contributors", List.of(Map.of("name", "Weather desk", "role", "author", "entityId", topic),
                Map.of("name", "", "role", "author")));
        given().auth().oauth2(editorToken()).contentType(ContentType.JSON).body(body).post("/v1/articles")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("contributors[1].name"));
        body.put("contributors", List.of(Map.of("name", "Weather desk", "role", "author", "entityId", topic)));
        given().auth().oauth2(editorToken()).contentType(ContentType.JSON).body(body).post("/v1/articles")
                .then().statusCode(400)
                .body("errors.field", contains("entities[0].id", "entities[2].id", "contributors[0].entityId"));
        body.put("entities", List.of(Map.of("id", topic, "rel", "sideways")));
        given().auth().oauth2(editorToken()).contentType(ContentType.JSON).body(body).post("/v1/articles").then().statusCode(400);
    }

    @Test
    void shouldFilterArticlesAndQuotesByEntityIdOrUri() {
        String uri = uniqueWikidataUri();
        String place = given().auth().oauth2(editorToken()).contentType(ContentType.JSON)
                .body(Map.of("type", "person", "name", "Amara Okonkwo", "uri", uri)).post("/v1/entities")
                .then().statusCode(201).extract().path("id");
        Map<String, Object> about = article(uniqueSection(), "Ship returns with samples");
        about.put("entities", List.of(Map.of("id", place, "rel", "about")));
        String aboutId = create(about).path("id");
        Map<String, Object> byHer = article(uniqueSection(), "Notes from the deck");
        byHer.put("contributors", List.of(Map.of("name", "Amara Okonkwo", "role", "author", "entityId", place)));
        String byId = create(byHer).path("id");
        create(article(uniqueSection(), "Unrelated story"));

        for (String value : List.of(place, uri, uri.replace("http:", "https:"))) {
            given().queryParam("entity", value).get("/v1/articles").then().statusCode(200)
                    .body("items.id", contains(byId, aboutId));
        }
        given().queryParam("entity", uniqueWikidataUri()).get("/v1/articles").then().statusCode(200).body("items", empty());
        given().queryParam("entity", "Hamburg").get("/v1/articles").then().statusCode(400)
                .body("errors.field", hasItem("entity"));

        Map<String, Object> said = quote(uniqueSpeaker("Amara Okonkwo"), "chief scientist", "Every core is a page of a diary.");
        ((Map<String, Object>) said.get("speaker")).put("entityId", place);
        String quoteId = createQuote(said).then().body("speaker.entityId", equalTo(place)).body("speaker.uri", equalTo(uri))
                .extract().path("id");
        given().queryParam("entity", uri).get("/v1/quotes").then().statusCode(200).body("items.id", contains(quoteId));
        given().get("/v1/quotes/" + quoteId).then().statusCode(200).body("speaker.uri", equalTo(uri));
    }

    @Test
    void shouldLinkOnlyPersonsAsSpeakers() {
        String topic = createEntity("topic", "Fisheries");
        Map<String, Object> said = quote(uniqueSpeaker("Tove Aalto"), "councillor", "Night buses stay.");
        ((Map<String, Object>) said.get("speaker")).put("entityId", topic);
        given().auth().oauth2(editorToken()).contentType(ContentType.JSON).body(said).post("/v1/quotes")
                .then().statusCode(400).body("errors.field", hasItem("speaker.entityId"));
        ((Map<String, Object>) said.get("speaker")).put("entityId", UUID.randomUUID().toString());
        given().auth().oauth2(editorToken()).contentType(ContentType.JSON).body(said).post("/v1/quotes")
                .then().statusCode(400).body("errors.field", hasItem("speaker.entityId"));
    }

    @Test
    void shouldRefreshEveryCachedResponseThatShowsAnEntityWhenItIsRenamed() {
        String person = createEntity("person", "Ilse Marren");
        Map<String, Object> body = article(uniqueSection(), "Berths reopen one by one");
        body.put("entities", List.of(Map.of("id", person, "rel", "about")));
        String id = create(body).path("id");
        Map<String, Object> said = quote(uniqueSpeaker("Ilse Marren"), "harbour master", "Nobody sails before the divers are done.");
        ((Map<String, Object>) said.get("speaker")).put("entityId", person);
        String quoteId = createQuote(said).path("id");
        String path = "/v1/articles/" + id + "?include=entities";
        Response before = given().get(path).then().statusCode(200)
                .body("entities[0].entity.name", equalTo("Ilse Marren"))
                .body("entities[0].entity.type", equalTo("person"))
                .body("entities[0].entity", not(hasKey("description")))
                .header("Surrogate-Key", containsString("entity-" + person)).extract().response();
        given().get(path).then().statusCode(200); // cached now
        given().get("/v1/entities/" + person).then().statusCode(200).body("name", equalTo("Ilse Marren"));
        String quoteEtag = given().get("/v1/quotes/" + quoteId).then().statusCode(200).extract().header("ETag");
        String oldUri = given().get("/v1/entities/" + person).then().extract().path("uri");
        given().queryParam("entity", oldUri).get("/v1/articles").then().statusCode(200).body("items.id", contains(id));
        given().get("/v1/articles/" + id + "/quotes").then().statusCode(200); // cached with the speaker's uri

        String newUri = uniqueWikidataUri();
        patch(editorToken(), "/v1/entities/" + person, etag(editorToken(), "/v1/entities/" + person),
                Map.of("name", "Ilse Marren-Voss", "uri", newUri)).then().statusCode(200).body("version", equalTo(1));

        Response after = given().get(path).then().statusCode(200)
                .body("entities[0].entity.name", equalTo("Ilse Marren-Voss")).extract().response();
        assertNotEquals(before.header("ETag"), after.header("ETag"));
        given().header("If-None-Match", before.header("ETag")).get(path).then().statusCode(200);
        given().get("/v1/entities/" + person).then().statusCode(200).body("name", equalTo("Ilse Marren-Voss"));
        Response quoteAfter = given().get("/v1/quotes/" + quoteId).then().statusCode(200).body("speaker.uri", equalTo(newUri))
                .extract().response();
        assertNotEquals(quoteEtag, quoteAfter.header("ETag"));
        given().queryParam("entity", oldUri).get("/v1/articles").then().statusCode(200).body("items", empty());
        given().queryParam("entity", newUri).get("/v1/articles").then().statusCode(200).body("items.id", contains(id));
    }

    @Test
    void shouldHideAnEntityAgainWhenTheQuoteThatShowedItGoesPrivate() {
        String person = createEntity("person", "Tove Aalto");
        Map<String, Object> said = quote(uniqueSpeaker("Tove Aalto"), "councillor", "The night buses stay.");
        ((Map<String, Object>) said.get("speaker")).put("entityId", person);
        String quoteId = createQuote(said).path("id");
        given().get("/v1/entities/" + person).then().statusCode(200); // public through the quote, and cached
        given().queryParam("q", "tove aalto").queryParam("count", true).get("/v1/entities").then().statusCode(200)
                .body("items.id", hasItem(person));

        Map<String, Object> draft = article(uniqueSection(), "Council keeps night buses");
        draft.put("status", "draft");
        String draftId = create(draft).path("id");
        patch(editorToken(), "/v1/quotes/" + quoteId, etag(editorToken(), "/v1/quotes/" + quoteId), Map.of("articleId", draftId))
                .then().statusCode(200);
        given().get("/v1/quotes/" + quoteId).then().statusCode(404);
        given().get("/v1/entities/" + person).then().statusCode(404);
        given().queryParam("q", "tove aalto").get("/v1/entities").then().statusCode(200).body("items.id", not(hasItem(person)));
    }

    @Test
    void shouldRefuseATypeTheEntitysRolesCannotTake() {
        String person = createEntity("person", "Jonas Feld");
        Map<String, Object> body = article(uniqueSection(), "Photos of the storm");
        body.put("contributors", List.of(Map.of("name", "Jonas Feld", "role", "photographer", "entityId", person)));
        String id = create(body).path("id");
        patch(editorToken(), "/v1/entities/" + person, etag(editorToken(), "/v1/entities/" + person), Map.of("type", "topic"))
                .then().statusCode(409).contentType("application/problem+json").body("detail", containsString(
                        given().get("/v1/articles/" + id).then().extract().<String> path("slug")));
        patch(editorToken(), "/v1/entities/" + person, etag(editorToken(), "/v1/entities/" + person), Map.of("type", "organisation"))
                .then().statusCode(200).body("type", equalTo("organisation"));

        String speaker = createEntity("person", "Ilse Marren");
        Map<String, Object> said = quote(uniqueSpeaker("Ilse Marren"), "harbour master", "Divers first.");
        ((Map<String, Object>) said.get("speaker")).put("entityId", speaker);
        createQuote(said);
        patch(editorToken(), "/v1/entities/" + speaker, etag(editorToken(), "/v1/entities/" + speaker), Map.of("type", "organisation"))
                .then().statusCode(409);
        given().auth().oauth2(editorToken()).get("/v1/entities/" + speaker).then().body("type", equalTo("person"));
    }

    @Test
    void shouldPageThroughLongNamesInAnyScript() {
        String prefix = "港".repeat(195) + UUID.randomUUID().toString().substring(0, 4);
        String first = createEntityNamed(prefix + "a");
        String second = createEntityNamed(prefix + "b");
        Map<String, Object> body = article(uniqueSection(), "Harbours of the world");
        body.put("entities", List.of(Map.of("id", first, "rel", "mentions"), Map.of("id", second, "rel", "mentions")));
        create(body);
        Response page = given().queryParam("q", prefix).queryParam("limit", 1).get("/v1/entities").then().statusCode(200)
                .body("items.id", contains(first)).extract().response();
        given().queryParam("q", prefix).queryParam("limit", 1).queryParam("cursor", page.<String> path("cursor"))
                .get("/v1/entities").then().statusCode(200).body("items.id", contains(second)).body("next", nullValue());
    }

    private static String createEntityNamed(String name) {
        return given().auth().oauth2(editorToken()).contentType(ContentType.JSON)
                .body(Map.of("type", "place", "name", name, "uri", uniqueWikidataUri())).post("/v1/entities")
                .then().statusCode(201).extract().path("id");
    }
}
