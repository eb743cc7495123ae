package io.lede.delivery;

import static io.lede.TestApi.article;
import static io.lede.TestApi.create;
import static io.lede.TestApi.uniqueSection;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.sun.net.httpserver.HttpServer;

import io.lede.TestApi;
import io.lede.image.TestImages;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The embed script in a real browser: a partner page served from another origin on loopback
 * includes it, and Debian's headless Chromium renders the headlines inside the widget's shadow
 * root. CI installs the browser (LEDE_REQUIRE_BROWSER=1 there turns a missing browser into a
 * failure rather than a skip).
 */
@QuarkusTest
class EmbedWidgetBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    /** Computed styles and boxes of the widget's parts, as one comparable string. */
    private static final String SNAPSHOT = """
            var host = document.querySelector(arguments[0]), root = host.shadowRoot;
            var props = ['display', 'visibility', 'color', 'font-size', 'font-family', 'line-height', 'background-color',
                'text-transform', 'text-decoration-line', 'list-style-type', 'border-top-width'];
            function look(el) {
              if (!el) { return null; }
              var style = getComputedStyle(el), box = el.getBoundingClientRect(), seen = {w: Math.round(box.width), h: Math.round(box.height)};
              props.forEach(function (p) { seen[p] = style.getPropertyValue(p); });
              return seen;
            }
            return JSON.stringify({host: {w: Math.round(host.getBoundingClientRect().width), h: Math.round(host.getBoundingClientRect().height)},
              li: look(root.querySelector('li')), link: look(root.querySelector('li a')), img: look(root.querySelector('img')),
              media: look(root.querySelector('.media')), time: look(root.querySelector('time')), live: look(root.querySelector('.live')),
              by: look(root.querySelector('.by a'))});
            """;

    /** The partner page counts the streams the widget opens, so that a test can wait for one and cut it. */
    private static final String TRACK_STREAMS = """
            <script>
            (function () {
              var Real = window.EventSource;
              window.openedStreams = [];
              function Tracked(url, init) { var s = new Real(url, init); window.openedStreams.push(s); return s; }
              Tracked.prototype = Real.prototype;
              Tracked.CONNECTING = 0; Tracked.OPEN = 1; Tracked.CLOSED = 2;
              window.EventSource = Tracked;
            })();
            </script>
            """;

    @TestHTTPResource("embed/headlines.js")
    URL script;

    private HttpServer partner;
    private ChromeDriver browser;

    @BeforeEach
    void startBrowser() throws IOException {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if ("1".equals(System.getenv("LEDE_REQUIRE_BROWSER"))) {
            assertTrue(present, "chromium and chromium-driver must be installed (apt-get install chromium chromium-driver)");
        }
        assumeTrue(present, "Debian's chromium and chromium-driver are not installed");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1200,900", "--lang=en-GB",
                "--user-data-dir=" + Files.createTempDirectory("lede-chromium"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (partner != null) {
            partner.stop(0);
        }
    }

    @Test
    void shouldRenderCardsWithThumbnailsTimesSectionsAndALiveBadge() throws IOException {
        String section = uniqueSection();
        String image = given().auth().oauth2(TestApi.editorToken())
                .multiPart("file", "wide.png", TestImages.png(500, 250), "image/png")
                .multiPart("altText", "Ferries at the quay")
                .post("/v1/images").then().statusCode(201).extract().path("id");
        Instant fiveMinutesAgo = Instant.now().minus(5, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> pictured = article(section, "Ferries <img src=x onerror=\"window.pwned=1\"> return");
        pictured.put("leadImage", image);
        pictured.put("publishedAt", fiveMinutesAgo.toString());
        String picturedUrl = create(pictured).path("url");
        Map<String, Object> blog = article(section, "Regatta day, live");
        blog.put("live", Map.of("status", "live"));
        blog.put("publishedAt", fiveMinutesAgo.minus(1, ChronoUnit.HOURS).toString());
        create(blog);
        Map<String, Object> german = article(section, "Fähren fahren wieder");
        german.put("language", "de");
        german.put("publishedAt", fiveMinutesAgo.toString());
        create(german);

        String partnerUrl = servePartnerPage(page("<div id=\"news\" data-lede-headlines data-section=\"" + section + "\" data-lang=\"en\"></div>"
                + "<div id=\"nachrichten\" data-lede-headlines data-section=\"" + section + "\" data-lang=\"de\"></div>"));
        browser.get(partnerUrl);
        SearchContext root = cards("#news", 2);

        WebElement first = root.findElements(By.cssSelector("ul.cards > li")).get(0);
        WebElement link = first.findElement(By.cssSelector("a"));
        assertEquals("Ferries <img src=x onerror=\"window.pwned=1\"> return", link.getText());
        assertEquals(picturedUrl, link.getAttribute("href"));
        assertEquals(section, first.findElement(By.cssSelector(".section")).getText());
        WebElement time = first.findElement(By.cssSelector("time"));
        assertEquals(fiveMinutesAgo, Instant.parse(time.getAttribute("datetime")));
        assertEquals("5 minutes ago", time.getText());
        assertEquals(0, first.findElements(By.cssSelector(".live")).size());

        WebElement img = first.findElement(By.cssSelector(".media img"));
        String origin = script.getProtocol() + "://" + script.getAuthority();
        String content = origin + "/v1/images/" + image + "/content";
        assertEquals(content + "?w=320", img.getAttribute("src"));
        assertEquals(content + "?w=160 160w, " + content + "?w=320 320w, " + content + "?w=480 480w, " + content + "?w=640 500w",
                img.getAttribute("srcset"));
        assertEquals("500", img.getDomAttribute("width"));
        assertEquals("250", img.getDomAttribute("height"));
        assertEquals("Ferries at the quay", img.getAttribute("alt"));
        assertEquals("lazy", img.getAttribute("loading"));
        String dominant = given().get("/v1/images/" + image).then().statusCode(200).extract().path("placeholder.dominantColor");
        assertEquals(rgb(dominant), style(first.findElement(By.cssSelector(".media")), "background-color"));
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(driver -> js("return arguments[0].complete && arguments[0].naturalWidth > 0", img));
        // The box was reserved before the picture came: 16:9 of the card's width, picture or not.
        Map<?, ?> box = (Map<?, ?>) js("var r = arguments[0].getBoundingClientRect(); return {w: r.width, h: r.height};",
                first.findElement(By.cssSelector(".media")));
        assertEquals(((Number) box.get("w")).doubleValue() * 9 / 16, ((Number) box.get("h")).doubleValue(), 1.0);

        WebElement second = root.findElements(By.cssSelector("ul.cards > li")).get(1);
        assertEquals("LIVE", second.findElement(By.cssSelector(".live")).getText());
        assertEquals("1 hour ago", second.findElement(By.cssSelector("time")).getText());

        WebElement attribution = root.findElement(By.cssSelector(".by a"));
        assertEquals(URI.create(picturedUrl).resolve("/").toString(), attribution.getAttribute("href"));
        assertEquals("Headlines from " + URI.create(picturedUrl).getAuthority(), attribution.getText());
        assertEquals("Latest headlines", root.findElement(By.cssSelector("section")).getAttribute("aria-label"));
        assertEquals("list", root.findElement(By.cssSelector("ul")).getAttribute("role"));
        assertEquals("false", browser.findElement(By.id("news")).getAttribute("aria-busy"));

        SearchContext inGerman = cards("#nachrichten", 1);
        assertEquals("Fähren fahren wieder", inGerman.findElement(By.cssSelector("li a")).getText());
        assertEquals("vor 5 Minuten", inGerman.findElement(By.cssSelector("time")).getText());
        assertEquals("Neueste Schlagzeilen", inGerman.findElement(By.cssSelector("section")).getAttribute("aria-label"));
        assertEquals("Schlagzeilen von " + URI.create(picturedUrl).getAuthority(), inGerman.findElement(By.cssSelector(".by a")).getText());

        assertNull(js("return window.pwned;"));
        assertEquals(0, ((Number) js("return document.querySelectorAll('#news *').length")).intValue(),
                "everything lives in the shadow root");
        assertNoConsoleErrors();
    }

    @Test
    void shouldLookTheSameUnderAHostileHostStylesheet() throws IOException {
        String section = uniqueSection();
        Map<String, Object> blog = article(section, "Storm warning, live");
        blog.put("live", Map.of("status", "live"));
        // An hour ago on both loads: the label must not move between them.
        blog.put("publishedAt", Instant.now().minus(1, ChronoUnit.HOURS).toString());
        blog.put("leadImage", TestApi.uploadPng());
        create(blog);
        String widget = "<div id=\"news\" data-lede-headlines data-section=\"" + section + "\" data-lang=\"en\"></div>";

        String clean = servePartnerPage(page(widget));
        browser.get(clean);
        cards("#news", 1);
        String expected = (String) js(SNAPSHOT, "#news");
        partner.stop(0);

        String hostile = "<style>body *, li, a, img, ul, p, span, time, section, div { display: none !important;"
                + " visibility: hidden !important; color: red !important; font-size: 0 !important; line-height: 0 !important;"
                + " font-family: monospace !important; text-transform: uppercase !important; background: lime !important;"
                + " list-style: square !important; }</style>";
        browser.get(servePartnerPage(page(hostile + widget)));
        cards("#news", 1);
        assertEquals(expected, js(SNAPSHOT, "#news"));
        assertTrue(browser.findElement(By.id("news")).isDisplayed());
    }

    @Test
    void shouldTakeThePartnersThemeFollowTheDarkSchemeAndShowFocus() throws IOException {
        String section = uniqueSection();
        Map<String, Object> blog = article(section, "Flood barrier closes, live");
        blog.put("live", Map.of("status", "live"));
        create(blog);
        String themed = "<div id=\"themed\" data-lede-headlines data-section=\"" + section + "\" style=\"--lede-accent: #0a6e5c;"
                + " --lede-text: #102030; --lede-background: #fafaf0; --lede-radius: 0px; --lede-font: Georgia, serif\"></div>";
        String plain = "<div id=\"plain\" data-lede-headlines data-section=\"" + section + "\"></div>";
        browser.get(servePartnerPage(page(themed + plain)));
        SearchContext root = cards("#themed", 1);
        assertEquals("rgb(255, 255, 255)|rgb(10, 110, 92)|Georgia, serif",
                style(root.findElement(By.cssSelector(".live")), "color", "background-color", "font-family"));
        assertEquals("rgb(16, 32, 48)|rgb(250, 250, 240)|0px|Georgia, serif",
                style(root.findElement(By.cssSelector("li")), "color", "background-color", "border-top-left-radius", "font-family"));

        WebElement plainCard = cards("#plain", 1).findElement(By.cssSelector("li"));
        assertEquals("rgb(29, 29, 31)|rgb(255, 255, 255)", style(plainCard, "color", "background-color"));
        browser.executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
        assertEquals("rgb(236, 236, 238)|rgb(24, 25, 27)", style(plainCard, "color", "background-color"));
        // The partner's colours hold in both schemes.
        assertEquals("rgb(16, 32, 48)|rgb(250, 250, 240)", style(root.findElement(By.cssSelector("li")), "color", "background-color"));

        // Keyboard focus on a headline outlines its whole card in the accent colour.
        WebElement card = root.findElement(By.cssSelector("li"));
        assertEquals("none", style(card, "outline-style"));
        new Actions(browser).sendKeys(Keys.TAB).perform();
        assertEquals("solid|rgb(10, 110, 92)", style(card, "outline-style", "outline-color"));
    }

    @Test
    void shouldKeepItsStylesToItself() throws IOException {
        String section = uniqueSection();
        Map<String, Object> blog = article(section, "Harbour vote, live");
        blog.put("live", Map.of("status", "live"));
        create(blog);
        // Elements of the page with the very class names and tags the widget styles.
        String outside = "<ul id=\"outside\" class=\"cards\"><li class=\"card\"><p class=\"h\"><a href=\"#x\">Outside</a></p>"
                + "<p class=\"meta\"><span class=\"live\">LIVE</span><time>now</time></p><div class=\"media\"></div></li></ul>"
                + "<div id=\"news\" data-lede-headlines data-section=\"" + section + "\"></div>";
        browser.get(servePartnerPage("<!doctype html><html lang=\"en\"><head><title>Partner</title></head><body>" + outside + "</body></html>"));
        String look = """
                return JSON.stringify(Array.prototype.map.call(document.querySelectorAll('#outside, #outside *'), function (el) {
                  var s = getComputedStyle(el), r = el.getBoundingClientRect();
                  return [el.tagName, s.display, s.color, s.fontSize, s.fontFamily, s.backgroundColor, s.listStyleType,
                    s.borderTopWidth, s.textDecorationLine, s.gridTemplateColumns, Math.round(r.width), Math.round(r.height)].join('|');
                }).concat([document.styleSheets.length, document.adoptedStyleSheets.length]));
                """;
        String before = (String) js(look);

        js("var s = document.createElement('script'); s.src = arguments[0]; document.body.appendChild(s);", script.toString());
        cards("#news", 1);
        assertEquals(before, js(look));
    }

    @Test
    void shouldShowANewlyPublishedStoryWithinTwoSecondsAndCatchUpAfterTheStreamCloses() throws IOException {
        String section = uniqueSection();
        create(article(section, "Already there"));
        browser.get(servePartnerPage(TRACK_STREAMS
                + page("<div id=\"news\" data-lede-headlines data-live=\"true\" data-section=\"" + section + "\"></div>")));
        cards("#news", 1);
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(driver -> js("return window.openedStreams.length === 1 && window.openedStreams[0].readyState === 1"));

        long start = System.nanoTime();
        create(article(section, "Just published"));
        SearchContext root = cards("#news", 2);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 2000, "shown after " + millis + " ms");
        assertEquals("Just published", root.findElements(By.cssSelector("li a")).get(0).getText());

        // The stream is cut for good (as after an error answer); what is published meanwhile comes on reconnection.
        js("var s = window.openedStreams[0]; s.close(); s.dispatchEvent(new Event('error'));");
        create(article(section, "Published while offline"));
        cards("#news", 3);
        String reopened = (String) js("return window.openedStreams[1].url");
        assertTrue(reopened.contains("/v1/events?lastEventId="), reopened);
        assertNotEquals("", reopened.substring(reopened.indexOf('=') + 1));
        assertEquals("Published while offline", cards("#news", 3).findElements(By.cssSelector("li a")).get(0).getText());
        assertNoConsoleErrors();
    }

    @Test
    void shouldKeepThePlainListLayout() throws IOException {
        String section = uniqueSection();
        Map<String, Object> hostile = article(section, "Harbour <script>window.pwned = true</script> reopens");
        hostile.put("publishedAt", "2026-11-02T08:00:00Z");
        hostile.put("leadImage", TestApi.uploadPng());
        String hostileUrl = create(hostile).path("url");
        Map<String, Object> plain = article(section, "Council keeps the night buses");
        plain.put("publishedAt", "2026-11-01T08:00:00Z");
        String plainUrl = create(plain).path("url");

        browser.get(servePartnerPage(page("<div id=\"news\" data-lede-headlines data-layout=\"list\" data-section=\"" + section
                + "\" data-limit=\"5\" aria-label=\"From our partner\"></div>")));
        SearchContext root = new WebDriverWait(browser, Duration.ofSeconds(15)).until(driver -> {
            SearchContext shadow = browser.findElement(By.id("news")).getShadowRoot();
            return shadow.findElements(By.cssSelector("ul.list li a")).size() == 2 ? shadow : null;
        });
        List<WebElement> links = root.findElements(By.cssSelector("ul.list li a"));
        assertEquals("Harbour <script>window.pwned = true</script> reopens", links.get(0).getText());
        assertEquals(hostileUrl, links.get(0).getAttribute("href"));
        assertEquals("Council keeps the night buses", links.get(1).getText());
        assertEquals(plainUrl, links.get(1).getAttribute("href"));
        assertEquals(0, root.findElements(By.cssSelector("img, time, script")).size());
        assertEquals("From our partner", root.findElement(By.cssSelector("section")).getAttribute("aria-label"));
        assertNull(js("return window.pwned;"));
        assertNoConsoleErrors();
    }

    @Test
    void shouldRunEveryOptionOnTheDemoPage() {
        create(article("world", "A story for the demo page"));
        browser.get(script.toString().replace("headlines.js", "demo.html"));
        int widgets = browser.findElements(By.cssSelector("[data-lede-headlines]")).size();
        assertEquals(7, widgets);
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(driver -> browser.findElements(By.cssSelector("[data-lede-headlines]"))
                .stream().allMatch(host -> "false".equals(host.getAttribute("aria-busy")) && host.getAttribute("data-lede-error") == null));
        assertTrue(browser.findElement(By.cssSelector("[data-layout=list]")).getShadowRoot()
                .findElements(By.cssSelector("ul.list li a")).size() >= 1);
        assertNoConsoleErrors();
    }

    @Test
    void shouldServeTheScriptToAnyOrigin() {
        given().header("Origin", "https://partner.example").get("/embed/headlines.js")
                .then().statusCode(200)
                .contentType(containsString("javascript"))
                .header("Access-Control-Allow-Origin", "*");
    }

    private String page(String body) {
        return "<!doctype html><html lang=\"en\"><head><title>Partner</title></head><body><h1>Partner site</h1>" + body
                + "<script src=\"" + script + "\" async></script></body></html>";
    }

    /** The widget's shadow root once it shows this many cards or list entries. */
    private SearchContext cards(String host, int count) {
        return new WebDriverWait(browser, Duration.ofSeconds(15)).until(driver -> {
            SearchContext shadow = browser.findElement(By.cssSelector(host)).getShadowRoot();
            return shadow.findElements(By.cssSelector("ul > li")).size() == count ? shadow : null;
        });
    }

    private static String rgb(String hex) {
        int value = Integer.parseInt(hex.substring(1), 16);
        return "rgb(" + (value >> 16) + ", " + (value >> 8 & 0xff) + ", " + (value & 0xff) + ")";
    }

    private String style(WebElement element, String... properties) {
        return (String) js("var s = getComputedStyle(arguments[0]); return arguments[1].map(function (p) {"
                + " return s.getPropertyValue(p); }).join('|');", element, List.of(properties));
    }

    private Object js(String code, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(code, arguments);
    }

    private void assertNoConsoleErrors() {
        List<String> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .filter(message -> !message.contains("favicon.ico"))
                .toList();
        assertEquals(List.of(), errors);
    }

    private String servePartnerPage(String html) throws IOException {
        partner = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        partner.createContext("/", exchange -> {
            byte[] body = html.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        partner.start();
        String url = "http://127.0.0.1:" + partner.getAddress().getPort() + "/";
        assertTrue(!url.startsWith(script.getProtocol() + "://" + script.getAuthority()), "the partner must be another origin");
        return url;
    }
}
