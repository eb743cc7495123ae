package io.lede.article;

import static io.lede.TestApi.article;
import static io.lede.TestApi.editorToken;
import static io.lede.TestApi.uniqueSection;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Inline links are checked the way a client would read them: the destination a Markdown reader
 * finds (after spaces, inside angle brackets, before a title), with the characters a browser
 * strips or decodes (spaces, controls, tabs and newlines inside, character references) taken
 * away first. Only http, https and mailto survive.
 */
@QuarkusTest
class SafeLinksTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "[x]( javascript:alert(1))",
            "[x](\tjavascript:alert(1))",
            "[x](\njavascript:alert(1))",
            "[x](\r\n javascript:alert(1))",
            "[x](\u00a0javascript:alert(1))",
            "[x](\u2003javascript:alert(1))",
            "[x](\u3000javascript:alert(1))",
            "[x](\ufeffjavascript:alert(1))",
            "[x](\u200bjavascript:alert(1))",
            "[x](\u0001javascript:alert(1))",
            "[x](\u001fjavascript:alert(1))",
            "[x](java\tscript:alert(1))",
            "[x](java\nscript:alert(1))",
            "[x](JaVaScRiPt:alert(1))",
            "[x](<javascript:alert(1)>)",
            "[x]( <javascript:alert(1)> )",
            "[x](javascript:alert(1) \"title\")",
            "[x](javascript:void(0))",
            "[x](&#106;avascript:alert(1))",
            "[x](&#x6A;avascript:alert(1))",
            "[x](&#0000106avascript:alert(1))",
            "[x](javascript&colon;alert(1))",
            "[x](%6Aavascript:alert(1))",
            "[x](javascript%3Aalert(1))",
            "[x](\\javascript:alert(1))",
            "[x](vbscript:msgbox(1))",
            "[x](data:text/html;base64,PHNjcmlwdD4=)",
            "[x](//evil.example/path)",
            "[x](https:javascript:alert(1))",
            "[a [nested] b](javascript:alert(1))",
            "[fine](https://example.org) then [bad]( javascript:alert(1))",
            "<javascript:alert(1)>",
            "< javascript:alert(1)>",
            "[ref]: javascript:alert(1)",
            "Text\n  [ref]:\tjavascript:alert(1)" })
    void shouldRefuseLinksThatAreNotWebOrMailHoweverTheyAreDisguised(String text) {
        post(text).statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("body[0].text"))
                // Disguises made of control characters are already refused by the input rule for all text.
                .body("errors[0].message", anyOf(containsString("http"), containsString("control character")));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Read [this](https://example.org/a).",
            "Read [this]( https://example.org/a ) with spaces a browser drops.",
            "Read [this](<https://example.org/a>).",
            "Read [this](https://example.org/a \"The title\").",
            "Read [this](https://en.example.org/wiki/Ferry_(boat)).",
            "Read [this](HTTPS://EXAMPLE.ORG/A).",
            "Write [to us](mailto:desk@example.org).",
            "Prices rose [sharply] (by 5%) on Monday.",
            "A bracket [sic] and a smile :-) are fine.",
            "Compare a<b and c>d." })
    void shouldAcceptWebAndMailLinksAndPlainText(String text) {
        post(text).statusCode(201);
    }

    private static ValidatableResponse post(String text) {
        Map<String, Object> story = article(uniqueSection(), "Links");
        story.put("body", List.of(Map.of("type", "paragraph", "text", text)));
        return given().auth().oauth2(editorToken()).contentType(ContentType.JSON).body(story).post("/v1/articles").then();
    }
}
