package io.lede.delivery;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.HttpHeaders;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * How long partners' browsers keep the widget. {@code /embed/headlines.js} is what partners paste:
 * a short max-age with stale-while-revalidate, so a fix reaches every page within minutes while
 * readers never wait for the check (the ETag makes it a 304). {@code /embed/v2/headlines.js} is the
 * same file under its version, cached for a year as immutable: a page that pins it never asks
 * again, so the file under a version must never change ({@code EmbedScriptsTest} holds its hash;
 * a change ships under a new version).
 */
@ApplicationScoped
public class EmbedScripts {

    static final String SCRIPT = "/embed/headlines.js";
    static final String VERSIONED = "/embed/v2/headlines.js";
    static final String SHORT = "public, max-age=300, stale-while-revalidate=86400, stale-if-error=86400";
    static final String IMMUTABLE = "public, max-age=31536000, immutable";

    private static final String PINNED = "lede.embed.pinned";

    void install(@Observes @Priority(3) Router router) {
        // Before the ETag and the static handler, which would send their own day-long Cache-Control.
        router.route(VERSIONED).order(Integer.MIN_VALUE + 4).method(HttpMethod.GET).method(HttpMethod.HEAD)
                .handler(this::pinned);
        router.route(SCRIPT).order(Integer.MIN_VALUE + 4).method(HttpMethod.GET).method(HttpMethod.HEAD)
                .handler(this::script);
    }

    private void pinned(RoutingContext context) {
        context.put(PINNED, true);
        context.reroute(SCRIPT);
    }

    private void script(RoutingContext context) {
        String policy = Boolean.TRUE.equals(context.get(PINNED)) ? IMMUTABLE : SHORT;
        context.addHeadersEndHandler(ignored -> {
            if (context.response().getStatusCode() < 400) {
                context.response().headers().set(HttpHeaders.CACHE_CONTROL, policy);
            }
        });
        context.next();
    }
}
