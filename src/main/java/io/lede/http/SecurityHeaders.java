package io.lede.http;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Headers every response carries. The JSON API allows no content at all to load or frame it;
 * Swagger UI, a page of its own, gets a policy that lets it run from this origin.
 */
@ApplicationScoped
public class SecurityHeaders {

    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    static final String SWAGGER_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    void install(@Observes @Priority(0) Router router) {
        // Among the first routes, so that every refusal (413, 405, 429, 400) carries them too.
        router.route().order(Integer.MIN_VALUE).handler(this::handle);
        // Requests Vert.x fails before any route runs (a malformed Host) reach only failure handlers.
        router.route().order(Integer.MIN_VALUE).failureHandler(this::handle);
    }

    private void handle(RoutingContext context) {
        context.response()
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Referrer-Policy", "no-referrer")
                .putHeader("Content-Security-Policy",
                        context.request().path() != null && context.request().path().startsWith("/q/swagger-ui") ? SWAGGER_POLICY : API_POLICY);
        context.next();
    }
}
