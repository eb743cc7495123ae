package io.lede.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * CORS open to every origin, without credentials: partner pages on any site may read headlines,
 * feeds, oEmbed and the embed script, and tokens travel in headers, never cookies. A literal
 * {@code *} (rather than the caller's origin echoed back) keeps responses shareable by CDNs, and
 * no origin is ever refused.
 */
@ApplicationScoped
public class OpenCors {

    static final String ALLOWED_METHODS = "GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE";
    static final String ALLOWED_HEADERS = "Authorization, X-Api-Key, Content-Type, Accept, Accept-Language, If-Match, If-None-Match, Last-Event-ID";
    static final String EXPOSED_HEADERS = "ETag, Link, Location, Retry-After, Content-Language";
    static final String MAX_AGE_SECONDS = "86400";

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(this::handle);
    }

    private void handle(RoutingContext context) {
        if (context.request().getHeader("Origin") == null) {
            context.next();
            return;
        }
        context.response().putHeader("Access-Control-Allow-Origin", "*");
        boolean preflight = context.request().method() == HttpMethod.OPTIONS
                && context.request().getHeader("Access-Control-Request-Method") != null;
        if (preflight) {
            context.response()
                    .putHeader("Access-Control-Allow-Methods", ALLOWED_METHODS)
                    .putHeader("Access-Control-Allow-Headers", ALLOWED_HEADERS)
                    .putHeader("Access-Control-Max-Age", MAX_AGE_SECONDS)
                    .setStatusCode(204)
                    .end();
            return;
        }
        context.response().putHeader("Access-Control-Expose-Headers", EXPOSED_HEADERS);
        context.next();
    }
}
