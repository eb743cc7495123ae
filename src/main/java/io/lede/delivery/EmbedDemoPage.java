package io.lede.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.HttpHeaders;

import io.quarkus.arc.profile.IfBuildProfile;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code /embed/demo.html}: every option of the widget on one page, for whoever works on it. Only
 * dev mode and the tests serve it; a production service has no page of its own to show, and the
 * file lies outside the static root so that no setting can publish it by accident.
 */
@ApplicationScoped
@IfBuildProfile(anyOf = { "dev", "test" })
public class EmbedDemoPage {

    static final String PATH = "/embed/demo.html";
    /** The page loads the widget from this origin and shows pictures; nothing else. */
    static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private final Buffer page;

    public EmbedDemoPage() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream("embed/demo.html")) {
            page = Buffer.buffer(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void install(@Observes @Priority(3) Router router) {
        router.route(PATH).order(Integer.MIN_VALUE + 4).method(HttpMethod.GET).handler(this::serve);
    }

    private void serve(RoutingContext context) {
        context.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .putHeader("Content-Security-Policy", POLICY)
                .end(page);
    }
}
