package io.lede.delivery;

import static io.lede.TestApi.article;
import static io.lede.TestApi.create;
import static io.lede.TestApi.uniqueSection;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The embed script in a real browser: a partner page served from another origin on loopback
 * includes it, and Debian's headless Chromium renders the headlines. CI installs the browser
 * (LEDE_REQUIRE_BROWSER=1 there turns a missing browser into a failure rather than a skip).
 */
@QuarkusTest
class EmbedWidgetBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

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
                "--user-data-dir=" + Files.createTempDirectory("lede-chromium"));
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
    void shouldRenderHeadlinesOnAPartnerPageAsTextOnly() throws IOException {
        String section = uniqueSection();
        Map<String, Object> hostile = article(section, "Harbour <script>window.pwned = true</script> reopens");
        hostile.put("publishedAt", "2026-11-02T08:00:00Z");
        String hostileUrl = create(hostile).path("url");
        Map<String, Object> plain = article(section, "Council keeps the night buses");
        plain.put("publishedAt", "2026-11-01T08:00:00Z");
        String plainUrl = create(plain).path("url");

        String page = "<!doctype html><html><head><title>Partner</title></head><body>"
                + "<h1>Partner site</h1>"
                + "<div id=\"news\" data-lede-headlines data-section=\"" + section + "\" data-limit=\"5\"></div>"
                + "<script src=\"" + script + "\" async></script></body></html>";
        String partnerUrl = servePartnerPage(page);
        assertTrue(!partnerUrl.startsWith(script.getProtocol() + "://" + script.getAuthority()), "the partner must be another origin");

        browser.get(partnerUrl);
        List<WebElement> links = new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(driver -> {
                    List<WebElement> found = driver.findElements(By.cssSelector("#news ul.lede-headlines li a"));
                    return found.size() == 2 ? found : null;
                });

        assertEquals("Harbour <script>window.pwned = true</script> reopens", links.get(0).getText());
        assertEquals(hostileUrl, links.get(0).getAttribute("href"));
        assertEquals("Council keeps the night buses", links.get(1).getText());
        assertEquals(plainUrl, links.get(1).getAttribute("href"));
        assertEquals(0, browser.findElements(By.cssSelector("#news script")).size());
        assertNull(((JavascriptExecutor) browser).executeScript("return window.pwned;"));
        WebElement container = browser.findElement(By.id("news"));
        assertEquals("false", container.getAttribute("aria-busy"));
        assertEquals("Latest headlines", container.getAttribute("aria-label"));
    }

    @Test
    void shouldServeTheScriptToAnyOrigin() {
        given().header("Origin", "https://partner.example").get("/embed/headlines.js")
                .then().statusCode(200)
                .contentType(containsString("javascript"))
                .header("Access-Control-Allow-Origin", "*");
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
        return "http://127.0.0.1:" + partner.getAddress().getPort() + "/";
    }
}
