package io.lede.input;

import static io.lede.TestApi.ADMIN;
import static io.lede.TestApi.article;
import static io.lede.TestApi.create;
import static io.lede.TestApi.editorToken;
import static io.lede.TestApi.uniqueSection;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.lede.RawHttp;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The input rules that hold everywhere: text the database, feeds or clients cannot hold, times
 * outside 0001–9999, and bodies that are not exactly one JSON document of bounded size are
 * refused with a 400 (or 413) that names the field, and nothing is stored.
 */
@QuarkusTest
class InputRulesTest {

    /** Written as JSON escapes: NUL, other C0 and C1 controls, noncharacters, lone surrogates. */
    static final String[] BAD_TEXT = { "\\u0000", "\\u0001", "\\u000b", "\\u001f", "\\u007f", "\\u0085", "\\ufffe",
            "\\uffff", "\\ud800", "\\udc00", "x\\ud83d", "\\ufdd0" };

    @TestHTTPResource("/")
    URI base;

    static Stream<Arguments> textFields() {
        String article = "{\"headline\":\"%s\",\"standfirst\":\"%s\",\"section\":\"world\",\"language\":\"en\","
                + "\"byline\":\"%s\",\"tags\":[\"%s\"],\"location\":\"%s\",\"source\":\"%s\","
                + "\"body\":[{\"type\":\"paragraph\",\"text\":\"%s\"},{\"type\":\"heading\",\"text\":\"%s\"}]}";
        String[] articleFields = { "headline", "standfirst", "byline", "tags[0]", "location", "source", "body[0].text",
                "body[1].text" };
        String quote = "{\"text\":\"%s\",\"speaker\":{\"name\":\"%s\",\"role\":\"%s\"},\"context\":\"%s\",\"language\":\"en\"}";
        String[] quoteFields = { "text", "speaker.name", "speaker.role", "context" };
        Stream.Builder<Arguments> cases = Stream.builder();
        for (String bad : BAD_TEXT) {
            for (int i = 0; i < articleFields.length; i++) {
                cases.add(Arguments.of("/v1/articles", fill(article, articleFields.length, i, "fine", bad), articleFields[i]));
            }
            for (int i = 0; i < quoteFields.length; i++) {
                cases.add(Arguments.of("/v1/quotes", fill(quote, quoteFields.length, i, "Ann Fine", bad), quoteFields[i]));
            }
            cases.add(Arguments.of("/v1/admin/tokens", "{\"name\":\"p" + bad + "\",\"role\":\"reader\"}", "name"));
        }
        return cases.build();
    }

    private static String fill(String template, int count, int bad, String good, String badText) {
        Object[] values = new Object[count];
        for (int i = 0; i < count; i++) {
            values[i] = i == bad ? "a" + badText + "b" : good;
        }
        return String.format(template, values);
    }

    @ParameterizedTest(name = "{2} of {0}: {1}")
    @MethodSource("textFields")
    void shouldRefuseTextTheDatabaseOrAFeedCannotHoldNamingTheField(String path, String body, String field) {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(body).post(path)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo(field));
    }

    @Test
    void shouldAllowLineBreaksOnlyInMultiLineText() {
        String section = uniqueSection();
        Map<String, Object> body = article(section, "Two lines");
        body.put("standfirst", "First line\nsecond line\twith a tab");
        body.put("body", java.util.List.of(Map.of("type", "paragraph", "text", "One\r\nTwo")));
        create(body).then().body("standfirst", equalTo("First line\nsecond line\twith a tab"));
        for (String single : new String[] { "headline", "byline", "location" }) {
            Map<String, Object> broken = article(section, "Broken");
            broken.put(single, "a\nb");
            given().auth().oauth2(editorToken()).contentType(ContentType.JSON).body(broken).post("/v1/articles")
                    .then().statusCode(400).body("errors[0].field", equalTo(single))
                    .body("errors[0].message", containsString("single line"));
        }
    }

    @Test
    void shouldKeepTextExactlyAsSentWhenItIsValid() {
        String headline = "Emoji 🚢, joiners a\u200db, Zürich, ‘quotes’ and \u2028 separators";
        String id = create(article(uniqueSection(), headline)).path("id");
        given().get("/v1/articles/" + id).then().statusCode(200).body("headline", equalTo(headline));
    }

    @ParameterizedTest
    @ValueSource(strings = { "/v1/articles/abc%00def", "/v1/articles/%00/quotes", "/v1/quotes/%01", "/v1/images/a%7Fb",
            "/v1/articles?q=a%00b", "/v1/articles?section=a%0Ab", "/v1/speakers?q=%C2%85", "/v1/quotes?speaker=%EF%BF%BE",
            "/v1/articles?q=%ED%A0%80", "/v1/articles?q=%C0%AF", "/v1/articles?q=%FF", "/v1/headlines?section=x%09y" })
    void shouldRefuseControlCharactersAndInvalidUtf8InPathsAndQueries(String uri) {
        given().urlEncodingEnabled(false).get(uri)
                .then().statusCode(400).contentType("application/problem+json");
    }

    @ParameterizedTest
    @ValueSource(strings = { "/v1/articles/%zz", "/v1/articles?q=%", "/v1/articles?q=%4", "/v1/articles/%G0/quotes" })
    void shouldAnswerBrokenPercentEncodingWithAProblem(String uri) throws Exception {
        // HTTP client libraries refuse to send these: a raw request, as a hostile client would.
        String response = RawHttp.exchange(base, "GET " + uri + " HTTP/1.1\r\nHost: localhost", null);
        assertEquals(400, RawHttp.status(response));
        assertEquals("application/problem+json", RawHttp.header(response, "Content-Type"));
    }

    @Test
    void shouldAnswerAUriJavaCannotParseWithAProblem() throws Exception {
        String response = RawHttp.exchange(base, "GET /v1/articles/a\"b|c HTTP/1.1\r\nHost: localhost", null);
        assertEquals(400, RawHttp.status(response));
        assertEquals("application/problem+json", RawHttp.header(response, "Content-Type"));
    }

    @Test
    void shouldRefuseForgedCursorsCarryingWhatNoClientMaySend() {
        for (String list : new String[] { "v1/articles", "v1/quotes", "v1/images" }) {
            for (String forged : new String[] { "3|" + list + "|newest|%2B300000-01-01T00%3A00%3A00Z|00000000-0000-0000-0000-000000000000|",
                    "3|" + list + "|newest|-5000-01-01T00%3A00%3A00Z|00000000-0000-0000-0000-000000000000|" }) {
                given().queryParam("cursor", base64(forged)).get("/" + list)
                        .then().statusCode(400).body("errors[0].field", equalTo("cursor"));
            }
            // The same cursor with a time the database holds is a page: the refusals above are the times'.
            given().queryParam("cursor", base64("3|" + list + "|newest|2020-01-01T00%3A00%3A00Z|00000000-0000-0000-0000-000000000000|"))
                    .get("/" + list).then().statusCode(200);
        }
        given().queryParam("cursor", base64("3|v1/speakers|name|a%00b|00000000-0000-0000-0000-000000000000")).get("/v1/speakers")
                .then().statusCode(400);
        given().queryParam("cursor", base64("3|v1/speakers|name|ab|00000000-0000-0000-0000-000000000000")).get("/v1/speakers")
                .then().statusCode(200);
    }

    /** A cursor is the list's own: one handed out by another list, or by an earlier version, is a 400 that says so. */
    @Test
    void shouldRefuseACursorOfAnotherList() {
        String corrections = base64("3|v1/corrections|newest|2020-01-01T00%3A00%3A00Z|00000000-0000-0000-0000-000000000000|");
        given().queryParam("cursor", corrections).get("/v1/corrections").then().statusCode(200);
        given().queryParam("cursor", corrections).get("/v1/articles")
                .then().statusCode(400).body("errors[0].field", equalTo("cursor"))
                .body("errors[0].message", equalTo("belongs to another list; use the next link of a page of this one"));
        given().queryParam("cursor", base64("2|newest|2020-01-01T00%3A00%3A00Z|00000000-0000-0000-0000-000000000000|")).get("/v1/articles")
                .then().statusCode(400).body("errors[0].field", equalTo("cursor"));
    }

    private static String base64(String raw) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = { "from=%2B300000-01-01T00:00:00Z", "to=-5000-01-01T00:00:00Z", "from=0000-12-31",
            "to=10000-01-01T00:00:00Z", "from=-0001-01-01T00:00:00Z" })
    void shouldRefuseTimesOutsideTheYearsTheDatabaseHolds(String query) {
        for (String list : new String[] { "/v1/articles", "/v1/quotes" }) {
            given().urlEncodingEnabled(false).get(list + "?" + query).then().statusCode(400)
                    .body("errors[0].field", equalTo(query.substring(0, query.indexOf('='))));
        }
    }

    @Test
    void shouldAcceptTheFirstAndLastStorableYears() {
        given().get("/v1/articles?from=0001-01-01T00:00:00Z&to=9999-12-31T23:59:59Z").then().statusCode(200);
        given().get("/v1/quotes?from=0001-01-01&to=9999-12-31").then().statusCode(200);
    }

    @ParameterizedTest
    @ValueSource(strings = { "\"+300000-01-01T00:00:00Z\"", "\"-5000-01-01T00:00:00Z\"", "99999999999999", "0",
            "\"0000-12-31T23:59:59Z\"", "\"yesterday\"", "true" })
    void shouldRefuseStoredTimesOutsideTheRangeOrNotWrittenAsIsoStrings(String time) {
        String section = uniqueSection();
        String article = "{\"headline\":\"Dated\",\"section\":\"" + section + "\",\"language\":\"en\",\"body\":[],"
                + "\"status\":\"published\",\"publishedAt\":" + time + "}";
        given().auth().oauth2(editorToken()).contentType(ContentType.JSON).body(article).post("/v1/articles")
                .then().statusCode(400).body("errors[0].field", equalTo("publishedAt"));
        String quote = "{\"text\":\"Said\",\"speaker\":{\"name\":\"Ann Dated\"},\"language\":\"en\",\"saidAt\":" + time + "}";
        given().auth().oauth2(editorToken()).contentType(ContentType.JSON).body(quote).post("/v1/quotes")
                .then().statusCode(400).body("errors[0].field", equalTo("saidAt"));
        given().queryParam("section", section).get("/v1/articles").then().body("items", empty());
    }

    @Test
    void shouldRefuseWhatLenientJsonReadersWouldGuess() {
        String section = uniqueSection();
        String valid = "{\"headline\":\"Strict\",\"section\":\"" + section + "\",\"language\":\"en\",\"body\":[]}";
        expect400(valid + "{\"x\":1}", null);
        expect400(valid + "}", null);
        expect400(valid.replace("{\"headline\":\"Strict\"", "{\"headline\":\"One\",\"headline\":\"Two\""), "headline");
        expect400(valid.replace("\"Strict\"", "5"), "headline");
        expect400(valid.replace("\"Strict\"", "true"), "headline");
        expect400(valid.replace("\"body\":[]", "\"body\":[],\"status\":0"), "status");
        expect400(valid.replace("\"body\":[]", "\"body\":[],\"tags\":[1]"), "tags[0]");
        given().queryParam("section", section).get("/v1/articles").then().body("items", empty());
    }

    private static void expect400(String body, String field) {
        var then = given().auth().oauth2(editorToken()).contentType(ContentType.JSON).body(body).post("/v1/articles")
                .then().statusCode(400).contentType("application/problem+json");
        if (field != null) {
            then.body("errors[0].field", equalTo(field));
        }
    }

    @Test
    void shouldRefuseBytesThatAreNotUtf8EvenWhereJacksonWouldRepairThem() {
        for (byte[] bad : new byte[][] { { (byte) 0xC0, (byte) 0xAF }, { (byte) 0xE0, (byte) 0x80, (byte) 0xAF },
                { (byte) 0xED, (byte) 0xA0, (byte) 0x80 }, { (byte) 0xFF }, { (byte) 0xC3 } }) {
            byte[] start = "{\"headline\":\"x".getBytes(StandardCharsets.UTF_8);
            byte[] end = "\",\"section\":\"world\",\"language\":\"en\",\"body\":[]}".getBytes(StandardCharsets.UTF_8);
            byte[] body = new byte[start.length + bad.length + end.length];
            System.arraycopy(start, 0, body, 0, start.length);
            System.arraycopy(bad, 0, body, start.length, bad.length);
            System.arraycopy(end, 0, body, start.length + bad.length, end.length);
            given().auth().oauth2(editorToken()).contentType("application/json").body(body).post("/v1/articles")
                    .then().statusCode(400).contentType("application/problem+json");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "*/*", "application/*" })
    void shouldRefuseABodyWhoseContentTypeIsAWildcard(String contentType) throws Exception {
        String section = uniqueSection();
        String json = "{\"headline\":\"Declared\",\"section\":\"" + section + "\",\"language\":\"en\",\"body\":[]}";
        HttpResponse<String> response = postArticle(contentType, json.getBytes(StandardCharsets.UTF_8));
        assertEquals(415, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(null));
        given().auth().oauth2(editorToken()).queryParam("section", section).queryParam("status", "draft,scheduled,published,archived")
                .get("/v1/articles").then().statusCode(200).body("items", empty());
    }

    /** RFC 8259 defines no charset for JSON: whatever the header names, the bytes are read as UTF-8. */
    @ParameterizedTest
    @ValueSource(strings = { "application/json", "application/json; charset=UTF-8", "application/json;charset=ISO-8859-1" })
    void shouldReadJsonAsUtf8WhateverCharsetIsNamed(String contentType) throws Exception {
        String json = "{\"headline\":\"Café\",\"section\":\"" + uniqueSection() + "\",\"language\":\"en\",\"body\":[]}";
        HttpResponse<String> response = postArticle(contentType, json.getBytes(StandardCharsets.UTF_8));
        assertEquals(201, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"headline\":\"Café\""), response.body());
        // UTF-16 bytes are no UTF-8 JSON, whatever the header says: a 400.
        assertEquals(400, postArticle("application/json; charset=utf-16", json.getBytes(StandardCharsets.UTF_16)).statusCode());
    }

    private HttpResponse<String> postArticle(String contentType, byte[] body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/v1/articles"))
                .header("Authorization", "Bearer " + editorToken()).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void shouldCountTheBytesOfAChunkedBodyAgainstTheLimit() throws Exception {
        String section = uniqueSection();
        String json = "{\"headline\":\"Huge\",\"section\":\"" + section + "\",\"language\":\"en\",\"status\":\"published\","
                + "\"body\":[{\"type\":\"paragraph\",\"text\":\"" + "a".repeat(3_000_000) + "\"}]}";
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/v1/articles"))
                .header("Authorization", "Bearer " + editorToken()).header("Content-Type", "application/json")
                // An input stream of unknown length goes out chunked, with no Content-Length to check up front.
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(413, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(null));
        given().queryParam("section", section).get("/v1/articles").then().body("items", empty());
    }

    @Test
    void shouldAcceptAChunkedBodyWithinTheLimit() throws Exception {
        String json = "{\"headline\":\"Chunked\",\"section\":\"" + uniqueSection() + "\",\"language\":\"en\",\"body\":[]}";
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/v1/articles"))
                .header("Authorization", "Bearer " + editorToken()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))))
                .build();
        assertEquals(201, HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    static Stream<Arguments> badFormFields() {
        return Stream.of(
                Arguments.of("caption", "a\u0000b".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("caption", new byte[] { 'x', (byte) 0xC0, (byte) 0xAF }),
                Arguments.of("caption", new byte[] { (byte) 0xFF, (byte) 0xFE }),
                Arguments.of("credit", "Desk\nAFP".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("credit", "\u0085".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("altText", new byte[] { (byte) 0xED, (byte) 0xA0, (byte) 0x80 }),
                Arguments.of("focalPoint", "0.5,\u00000.5".getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest
    @MethodSource("badFormFields")
    void shouldHoldFormFieldsToTheSameRuleAsJson(String field, byte[] value) throws Exception {
        String credit = "Form rule " + java.util.UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.write(("--b0undary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"p.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(io.lede.image.TestImages.png(20, 10));
        if (!field.equals("credit")) {
            body.write(("\r\n--b0undary\r\nContent-Disposition: form-data; name=\"credit\"\r\n\r\n" + credit)
                    .getBytes(StandardCharsets.UTF_8));
        }
        body.write(("\r\n--b0undary\r\nContent-Disposition: form-data; name=\"" + field + "\"\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(value);
        body.write("\r\n--b0undary--\r\n".getBytes(StandardCharsets.UTF_8));
        given().auth().oauth2(editorToken()).contentType("multipart/form-data; boundary=b0undary").body(body.toByteArray())
                .post("/v1/images").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo(field));
        given().auth().oauth2(editorToken()).queryParam("credit", credit).get("/v1/images").then().body("items", empty());
    }

    @ParameterizedTest
    @ValueSource(strings = { "/v1/articles?q=ferry&q=harbour", "/v1/articles?fields=id&fields=headline", "/v1/quotes?limit=1&limit=2",
            "/v1/articles?section=a&limit=3&section=a", "/v1/headlines?q%3D=1&q%3D=2" })
    void shouldRefuseAParameterGivenTwiceNamingIt(String uri) {
        String name = URLDecoder.decode(uri.substring(uri.lastIndexOf('&') + 1).split("=")[0], StandardCharsets.UTF_8);
        given().urlEncodingEnabled(false).get(uri).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo(name));
        // Once each, the same parameters answer.
        given().urlEncodingEnabled(false).get("/v1/articles?q=ferry&section=a&limit=3&fields=id,headline").then().statusCode(200);
    }

    @ParameterizedTest
    @ValueSource(strings = { "/v1/articles?limit=%20", "/v1/articles?limit=", "/v1/headlines?limit=%20%20",
            "/v1/oembed?url=https%3A%2F%2Fnews.example.com%2Fworld%2Fx&maxwidth=%20", "/v1/sync?limit=" })
    void shouldRefuseBlankNumbers(String uri) {
        given().urlEncodingEnabled(false).get(uri).then().statusCode(400).contentType("application/problem+json");
    }
}
