package io.lede.search;

import static io.lede.TestApi.ADMIN;
import static io.lede.TestApi.article;
import static io.lede.TestApi.await;
import static io.lede.TestApi.create;
import static io.lede.TestApi.edit;
import static io.lede.TestApi.editorToken;
import static io.lede.TestApi.uniqueSection;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.agroal.api.AgroalDataSource;
import io.lede.SearchSyntaxCases;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;

/**
 * Search on a real OpenSearch (LEDE_SEARCH_ENGINE=opensearch), reached through {@link EngineProxy} so
 * that the engine can be taken away and brought back. Needs OpenSearch on 127.0.0.1:9200
 * ({@code .ci/opensearch.sh start}); without it these tests are skipped, unless
 * LEDE_REQUIRE_OPENSEARCH=1 (CI) makes that a failure. Searches poll as the editor: anonymous
 * search results are cached, and a poll must see the index, not an earlier answer.
 */
@QuarkusTest
@TestProfile(OpenSearchEngineTest.Engine.class)
class OpenSearchEngineTest {

    public static class Engine implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            if (EngineProxy.engineAnswers()) {
                // A fresh index for each run: the database is new too.
                EngineProxy.engine("DELETE", "/article-000001");
            }
            return Map.of("lede.search.engine", "opensearch",
                    "lede.search.opensearch-hosts", "127.0.0.1:" + EngineProxy.get().port(),
                    "lede.search.maintenance-interval", "1s",
                    "quarkus.hibernate-search-orm.coordination.event-processor.retry-delay", "1s");
        }
    }

    @Inject
    AgroalDataSource dataSource;

    private String section;

    @BeforeEach
    void needsOpenSearch() {
        boolean answers = EngineProxy.engineAnswers();
        if (!answers && "1".equals(System.getenv("LEDE_REQUIRE_OPENSEARCH"))) {
            fail("LEDE_REQUIRE_OPENSEARCH=1 but no OpenSearch answers on 127.0.0.1:" + EngineProxy.ENGINE_PORT);
        }
        assumeTrue(answers, "no OpenSearch on 127.0.0.1:" + EngineProxy.ENGINE_PORT + " (.ci/opensearch.sh start): OpenSearch tests skipped");
        EngineProxy.get().up();
        section = uniqueSection();
        await(() -> given().auth().oauth2(editorToken()).queryParam("q", "anything").get("/v1/articles").statusCode() == 200,
                "the search index was not created");
    }

    private static RequestSpecification editor() {
        return given().auth().oauth2(editorToken());
    }

    private String story(String language, String headline, String paragraph) {
        Map<String, Object> body = article(section, headline);
        body.put("language", language);
        body.put("standfirst", null);
        body.put("body", List.of(Map.of("type", "paragraph", "text", paragraph)));
        return create(body).path("id");
    }

    private List<String> found(String q) {
        return editor().queryParam("section", section).queryParam("q", q).get("/v1/articles")
                .then().statusCode(200).extract().path("items.id");
    }

    /** Waits until {@code q} finds exactly these, in this order. */
    private void searchFinds(String q, String... ids) {
        await(() -> found(q).equals(List.of(ids)), "q=" + q + " did not come to find " + List.of(ids) + " (found " + found(q) + ")");
    }

    @Test
    void shouldStemEachLanguageInItsOwnFields() {
        String en = story("en", "Ferries cancelled", "Storms kept every boat in port.");
        String de = story("de", "Neue Kräne für die Häfen", "Die Arbeiten dauern zwei Jahre.");
        String ru = story("ru", "Паромы возвращаются", "Жители острова ждали новостей.");
        String fr = story("fr", "Les ports rouvrent", "Les marins attendaient les nouvelles règles.");
        String es = story("es", "Los puertos reabren", "Los pescadores celebraron las noticias.");
        String gb = story("en-GB", "Harbours reopen", "Councils agreed.");
        String it = story("it", "I traghetti tornano", "Il porto riapre domani.");
        searchFinds("ferry", en);
        searchFinds("cancelling boats", en);
        searchFinds("Hafen", de);
        searchFinds("Arbeit", de);
        searchFinds("паром", ru);
        searchFinds("новости", ru);
        searchFinds("marin", fr);
        searchFinds("pescador", es);
        searchFinds("puerto", es);
        searchFinds("harbour", gb);
        searchFinds("traghetti", it);
        // No Italian stemming: the singular is another word.
        assertEquals(List.of(), found("traghetto"));
    }

    @Test
    void shouldMatchPhrasesExclusionsAndAlternatives() {
        String phrase = story("en", "Night ferries resume", "Timetables change.");
        String other = story("en", "Ferries at night", "Resume later.");
        searchFinds("\"night ferry\"", phrase);
        searchFinds("ferry -timetable", other);
        assertEquals(List.of(), found("!!! ..."));
        String train = story("en", "Trains resume", "Rail timetables.");
        await(() -> found("ferries or trains").size() == 3, "or did not accept either word");
        assertEquals(List.of(train), found("rail"));
    }

    @Test
    void shouldAnswerAQueryTooLargeForTheEngineWith400AndLookForItWhereTheLimitIsRaised() {
        String id = story("en", "Harbour ferries night train winter", "Strike lighthouse keeper mayor city passengers delay.");
        String q = "harbour ferries night train winter strike lighthouse keeper mayor city passengers delay";
        try {
            // OpenSearch's default: each word in each distinct reading over eighteen fields passes 1,024 clauses.
            EngineProxy.engine("PUT", "/_cluster/settings", "{\"transient\":{\"indices.query.bool.max_clause_count\":1024}}");
            editor().queryParam("section", section).queryParam("q", q).get("/v1/articles")
                    .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("q"));
            // As docs/search.md and the compose file set it.
            EngineProxy.engine("PUT", "/_cluster/settings", "{\"transient\":{\"indices.query.bool.max_clause_count\":16384}}");
            searchFinds(q, id);
        } finally {
            EngineProxy.engine("PUT", "/_cluster/settings", "{\"transient\":{\"indices.query.bool.max_clause_count\":null}}");
        }
    }

    @Test
    void shouldReadTheSearchSyntaxAsTheDatabaseReadsIt() {
        SearchSyntaxCases.check(section, this::found, ready -> await(ready, "the stories were not indexed"));
    }

    /**
     * The service sends a query once per distinct reading ({@link EngineReadings}), deciding which
     * readings are alike with Lucene's analyzers: they must read words exactly as the engine's
     * built-in analyzers of the same names, term by term and position by position.
     */
    @Test
    void shouldReadQueriesAsTheEngineReadsThem() throws Exception {
        List<String> texts = List.of("Ferries cancelled: the harbour's lighthouses", "Neue Kräne für die Häfen, Straße gesperrt",
                "Паромы возвращаются к причалам", "L'ouverture des ports attendait les marins", "Los pescadores celebraron las noticias",
                "e-mail x86_64 2026-11-29 3.5% U.S.A.", "naïve café İstanbul ΣΟΦΊΑ 港口城市 مرفأ", "ＦＵＬＬ ｗｉｄｔｈ don't can't");
        ObjectMapper json = new ObjectMapper();
        for (String analyzer : EngineLanguages.ANALYZERS.values()) {
            for (String text : texts) {
                ObjectNode request = json.createObjectNode().put("analyzer", analyzer).put("text", text);
                List<String> engine = new ArrayList<>();
                int previous = -1;
                for (JsonNode token : json.readTree(EngineProxy.engine("POST", "/_analyze", request.toString())).get("tokens")) {
                    engine.add((token.get("position").asInt() - previous) + " " + token.get("token").asText());
                    previous = token.get("position").asInt();
                }
                assertEquals(engine, EngineReadings.terms(analyzer, text), analyzer + " reads \"" + text + "\"");
            }
        }
    }

    /**
     * Relevance: a headline match (weight 5) outranks a body match (1) of the same age, and the order
     * holds across pages of one item, each page after the (score, time, id) of the last.
     */
    @Test
    void shouldRankHeadlineMatchesAboveBodyMatchesPageByPage() {
        String body = story("en", "Council meets", "The old beacon on the pier was repaired.");
        String both = story("en", "Beacon on the pier lit again", "Crowds watched the beacon.");
        String headline = story("en", "Beacon restored", "Volunteers worked all winter.");
        await(() -> found("beacon").size() == 3, "the three stories were not indexed");
        List<String> ranked = editor().queryParam("section", section).queryParam("q", "beacon").queryParam("sort", "relevance")
                .get("/v1/articles").then().statusCode(200).extract().path("items.id");
        assertEquals(List.of(body), ranked.subList(2, 3), "the body-only match ranks last: " + ranked);
        assertTrue(ranked.containsAll(List.of(both, headline)), ranked.toString());
        List<String> paged = new ArrayList<>();
        String cursor = null;
        do {
            RequestSpecification request = editor().queryParam("section", section).queryParam("q", "beacon")
                    .queryParam("sort", "relevance").queryParam("limit", 1);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get("/v1/articles").then().statusCode(200).extract();
            paged.addAll(page.path("items.id"));
            cursor = page.path("cursor");
        } while (cursor != null && paged.size() < 5);
        assertEquals(ranked, paged, "pages of one item give the first page's order");
    }

    @Test
    void shouldHighlightStemmedMatchesEscaped() {
        String id = story("de", "Die Häfen öffnen <wieder>", "Alle Häfen sind bereit & offen.");
        searchFinds("hafen", id);
        editor().queryParam("section", section).queryParam("q", "hafen").queryParam("sort", "relevance")
                .queryParam("highlight", true).get("/v1/articles")
                .then().statusCode(200)
                .body("items.id", contains(id))
                .body("items[0].highlights.field", contains("headline", "bodyText"))
                .body("items[0].highlights[0].fragment", equalTo("Die <mark>Häfen</mark> öffnen &lt;wieder&gt;"))
                .body("items[0].highlights[1].fragment", equalTo("Alle <mark>Häfen</mark> sind bereit &amp; offen."));
    }

    @Test
    void shouldApplyEveryFilterAndShowAnonymousReadersPublishedArticlesOnly() {
        Map<String, Object> draft = article(section, "Lighthouse draft");
        draft.put("status", "draft");
        String draftId = create(draft).path("id");
        Map<String, Object> tagged = article(section, "Lighthouse keepers");
        tagged.put("tags", List.of("Coast"));
        tagged.put("publishedAt", "2026-01-10T10:00:00Z");
        String taggedId = create(tagged).path("id");
        Map<String, Object> old = article(section, "Lighthouse history");
        old.put("publishedAt", "2020-05-01T10:00:00Z");
        old.put("language", "en-GB");
        String oldId = create(old).path("id");
        await(() -> found("lighthouse").size() == 2 && editor().queryParam("section", section).queryParam("q", "lighthouse")
                .queryParam("status", "draft").get("/v1/articles").then().extract().<List<String>> path("items.id").size() == 1,
                "not all three indexed");
        // Anonymous: published only, newest first.
        given().queryParam("section", section).queryParam("q", "lighthouse").get("/v1/articles")
                .then().statusCode(200).body("items.id", contains(taggedId, oldId));
        editor().queryParam("section", section).queryParam("q", "lighthouse").queryParam("status", "draft").get("/v1/articles")
                .then().statusCode(200).body("items.id", contains(draftId));
        editor().queryParam("section", section).queryParam("q", "lighthouse").queryParam("tag", "coast").get("/v1/articles")
                .then().statusCode(200).body("items.id", contains(taggedId));
        editor().queryParam("section", section).queryParam("q", "lighthouse").queryParam("lang", "en-GB").get("/v1/articles")
                .then().statusCode(200).body("items.id", contains(oldId));
        editor().queryParam("section", section).queryParam("q", "lighthouse").queryParam("to", "2021-01-01").get("/v1/articles")
                .then().statusCode(200).body("items.id", contains(oldId));
        editor().queryParam("section", section).queryParam("q", "lighthouse").queryParam("from", "2021-01-01").get("/v1/articles")
                .then().statusCode(200).body("items.id", contains(taggedId));
        editor().queryParam("section", "other" + section).queryParam("q", "lighthouse").get("/v1/articles")
                .then().statusCode(200).body("items", empty());
        // Keyset pages, in time order and by relevance, with a count.
        for (String sort : List.of("newest", "oldest", "relevance")) {
            List<String> seen = new ArrayList<>();
            String cursor = null;
            do {
                RequestSpecification request = editor().queryParam("section", section).queryParam("q", "lighthouse")
                        .queryParam("limit", 1).queryParam("sort", sort).queryParam("count", true);
                if (cursor != null) {
                    request.queryParam("cursor", cursor);
                }
                var page = request.get("/v1/articles").then().statusCode(200).body("total", equalTo(2)).extract();
                seen.addAll(page.path("items.id"));
                cursor = page.path("cursor");
            } while (cursor != null && seen.size() < 5);
            assertEquals(2, seen.stream().distinct().count(), sort + " pages: " + seen);
            if (!sort.equals("relevance")) {
                assertEquals(sort.equals("newest") ? List.of(taggedId, oldId) : List.of(oldId, taggedId), seen, sort + " pages");
            }
        }
    }

    @Test
    void shouldAnswer503ForSearchesOnlyWhileTheEngineIsDownAndIndexEveryWriteAfterwards() {
        String before = story("en", "Quayside market opens", "Stalls everywhere.");
        searchFinds("quayside", before);
        EngineProxy.get().down();
        try {
            editor().queryParam("q", "quayside").get("/v1/articles")
                    .then().statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", notNullValue())
                    .body("status", equalTo(503));
            // Everything else works: lists, reads, writes.
            editor().queryParam("section", section).get("/v1/articles").then().statusCode(200).body("items.id", contains(before));
            editor().get("/v1/articles/" + before).then().statusCode(200);
            List<String> written = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                written.add(story("en", "Quayside stall " + i, "Written while the engine was down."));
            }
            edit("/v1/articles/" + before, Map.of("headline", "Quayside market closes"));
            written.add(before);
            EngineProxy.get().up();
            await(() -> {
                List<String> ids = found("quayside");
                return ids != null && ids.size() == written.size() && ids.containsAll(written);
            }, "not every write made while the engine was down was indexed afterwards");
            searchFinds("closes", before);
        } finally {
            EngineProxy.get().up();
        }
    }

    @Test
    void shouldRebuildTheIndexFromTheDatabase() throws Exception {
        String original = story("en", "Harbour crane arrives", "Heavy lifting.");
        searchFinds("crane", original);
        // Behind Hibernate's back: a row copied by SQL and a headline changed by SQL, so no outbox event.
        UUID copy = UUID.randomUUID();
        copyRow(original, copy, "Zeppelin hangar reopens");
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement("update article set headline = ? where id = ?")) {
            update.setString(1, "Harbour gantry arrives");
            update.setObject(2, UUID.fromString(original));
            update.executeUpdate();
        }
        assertEquals(List.of(), found("zeppelin"));
        assertEquals(List.of(), found("gantry"));

        given().auth().oauth2(ADMIN).post("/v1/admin/search/reindex").then().statusCode(202)
                .body("state", equalTo("running")).body("startedAt", notNullValue());
        await(() -> "idle".equals(given().auth().oauth2(ADMIN).get("/v1/admin/search/reindex").then().statusCode(200)
                .extract().path("state")), "the rebuild did not finish");
        given().auth().oauth2(ADMIN).get("/v1/admin/search/reindex").then().statusCode(200)
                .body("finishedAt", notNullValue())
                .body("indexed", equalTo(given().auth().oauth2(ADMIN).get("/v1/admin/search/reindex").then().extract().path("total")));
        // Merged when it ends: searches read one segment. (The documents it replaced are still counted
        // in it: OpenSearch keeps soft-deleted documents for its retention leases.)
        JsonNode shard = new ObjectMapper().readTree(EngineProxy.engine("GET", "/article-000001/_segments", null))
                .path("indices").path("article-000001").path("shards").path("0").path(0);
        assertEquals(1, shard.path("num_search_segments").asInt(), shard.toString());
        searchFinds("zeppelin", copy.toString());
        searchFinds("gantry", original);
        given().auth().oauth2(editorToken()).get("/v1/admin/search/reindex").then().statusCode(403);
    }

    @Test
    void shouldAnswerFromAnOutdatedIndexUntilARebuildRecreatesIt() throws Exception {
        String id = story("en", "Quayside clock restored", "Its hands move again.");
        searchFinds("clock", id);
        // The index as an earlier version created it: the same fields and aliases, not kept newest first.
        ObjectMapper json = new ObjectMapper();
        JsonNode current = json.readTree(EngineProxy.engine("GET", "/article-000001", null)).get("article-000001");
        ObjectNode earlier = json.createObjectNode();
        earlier.set("mappings", current.get("mappings"));
        earlier.set("aliases", current.get("aliases"));
        earlier.putObject("settings").put("number_of_replicas", 0);
        EngineProxy.engine("DELETE", "/article-000001", null);
        EngineProxy.engine("PUT", "/article-000001", earlier.toString());

        given().auth().oauth2(ADMIN).post("/v1/admin/search/reindex").then().statusCode(202).body("layout", equalTo("outdated"));
        awaitRebuilt();
        searchFinds("clock", id);
        given().auth().oauth2(ADMIN).get("/v1/admin/search/reindex").then().statusCode(200).body("layout", equalTo("outdated"));
        assertFalse(EngineProxy.engine("GET", "/article-000001/_settings", null).contains("sortedAt"));

        given().auth().oauth2(ADMIN).queryParam("recreate", "maybe").post("/v1/admin/search/reindex").then().statusCode(400);
        given().auth().oauth2(ADMIN).queryParam("recreate", true).post("/v1/admin/search/reindex").then().statusCode(202)
                .body("layout", equalTo("current"));
        awaitRebuilt();
        searchFinds("clock", id);
        given().auth().oauth2(ADMIN).get("/v1/admin/search/reindex").then().statusCode(200).body("layout", equalTo("current"))
                .body("state", equalTo("idle"));
        assertTrue(EngineProxy.engine("GET", "/article-000001/_settings", null).contains("sortedAt"));
    }

    private static void awaitRebuilt() {
        await(() -> !"running".equals(given().auth().oauth2(ADMIN).get("/v1/admin/search/reindex").then().statusCode(200)
                .extract().path("state")), "the rebuild did not finish");
    }

    /** Inserts a copy of an article row with another id, slug, translation group and headline, by SQL alone. */
    private void copyRow(String from, UUID id, String headline) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            List<String> columns = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("select column_name, is_generated from information_schema.columns "
                    + "where lower(table_name) = 'article' and lower(table_schema) = lower(current_schema()) order by ordinal_position");
                    ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    if (!"ALWAYS".equalsIgnoreCase(rows.getString(2)) && !"YES".equalsIgnoreCase(rows.getString(2))) {
                        columns.add(rows.getString(1).toLowerCase(java.util.Locale.ROOT));
                    }
                }
            }
            List<String> values = columns.stream().map(column -> switch (column) {
                case "id", "translation_group" -> "cast(? as uuid)";
                case "slug" -> "?";
                case "headline" -> "?";
                default -> column;
            }).toList();
            String sql = "insert into article (" + String.join(", ", columns) + ") select " + String.join(", ", values)
                    + " from article where id = cast(? as uuid)";
            try (PreparedStatement insert = connection.prepareStatement(sql)) {
                int i = 1;
                for (String column : columns) {
                    switch (column) {
                        case "id" -> insert.setString(i++, id.toString());
                        case "translation_group" -> insert.setString(i++, UUID.randomUUID().toString());
                        case "slug" -> insert.setString(i++, "copy-" + id);
                        case "headline" -> insert.setString(i++, headline);
                        default -> {
                        }
                    }
                }
                insert.setString(i, from);
                assertEquals(1, insert.executeUpdate());
            }
        }
    }
}
