package io.lede.http;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The path template a request is counted under in the {@code http_server_requests} metric. The REST
 * layer records its endpoint's template; a request answered before it (a refusal, a preflight) has
 * none, and Quarkus would then use the raw path: one junk path after another would fill the metric's
 * bounded set of uri tags until real endpoints were no longer measured. Such requests share one tag.
 */
@ApplicationScoped
public class PathTemplates {

    /** Where Quarkus keeps the template (the request context's local data); the metric reads it there. */
    static final String KEY = "UrlPathTemplate";
    /** The tag of every failed request that no endpoint took. */
    public static final String UNMATCHED = "UNMATCHED";

    void install(@Observes @Priority(0) Router router) {
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            context.addHeadersEndHandler(ignored -> {
                if (context.response().getStatusCode() >= 400 && get(context.request()) == null) {
                    set(context.request(), UNMATCHED);
                }
            });
            context.next();
        });
    }

    public static String get(HttpServerRequest request) {
        return request instanceof HttpServerRequestInternal internal && internal.context().getLocal(KEY) instanceof String template
                ? template
                : null;
    }

    public static void set(HttpServerRequest request, String template) {
        if (request instanceof HttpServerRequestInternal internal) {
            internal.context().putLocal(KEY, template);
        }
    }

    static void set(RoutingContext context, String template) {
        set(context.request(), template);
    }
}
