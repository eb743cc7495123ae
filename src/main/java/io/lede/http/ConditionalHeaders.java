package io.lede.http;

import java.util.List;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.HttpHeaders;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code If-Match} and {@code If-None-Match} sent as several header lines are joined into one
 * comma-separated line before anything reads them. RFC 9110 (section 5.3) makes the two forms
 * equivalent, but most readers (Vert.x's {@code getHeader}, {@code @RestHeader}) see only the first
 * line: one stale tag there would hide the current one on the next line and turn a valid write
 * into a 412. Joined here, every reader (response cache, static files, every endpoint) sees all.
 */
@ApplicationScoped
public class ConditionalHeaders {

    private static final List<String> LISTS = List.of(HttpHeaders.IF_MATCH, HttpHeaders.IF_NONE_MATCH);

    void install(@Observes @Priority(0) Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::join);
    }

    private void join(RoutingContext context) {
        MultiMap headers = context.request().headers();
        for (String name : LISTS) {
            List<String> lines = headers.getAll(name);
            if (lines.size() > 1) {
                headers.set(name, String.join(", ", lines));
            }
        }
        context.next();
    }
}
