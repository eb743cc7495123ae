package io.lede.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.HttpHeaders;

import io.lede.error.HttpProblemRoutes;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Strong ETags for the static files partners embed ({@code /embed/*}), made from their bytes like
 * every other Lede representation, and 304 for a matching {@code If-None-Match}: Quarkus' static
 * handler sends only Last-Modified, which changes with every deployment even when the file does not.
 */
@ApplicationScoped
public class StaticFileTags {

    private static final String ROOT = "META-INF/resources";

    /** Files are part of the build: each one's tag is computed once. */
    private final Map<String, Optional<String>> tags = new ConcurrentHashMap<>();
    private final HttpProblemRoutes problems;

    public StaticFileTags(HttpProblemRoutes problems) {
        this.problems = problems;
    }

    void install(@Observes @Priority(3) Router router) {
        router.route("/embed/*").order(Integer.MIN_VALUE + 5).method(HttpMethod.GET).method(HttpMethod.HEAD)
                .handler(this::tag);
    }

    private void tag(RoutingContext context) {
        Optional<String> etag = tags.computeIfAbsent(context.normalizedPath(), StaticFileTags::etagOf);
        if (etag.isEmpty()) {
            context.next();
            return;
        }
        context.response().putHeader(HttpHeaders.ETAG, etag.get());
        Preconditions.Outcome outcome = Preconditions.evaluate(context.request().method().name(),
                context.request().getHeader(HttpHeaders.IF_MATCH), context.request().getHeader(HttpHeaders.IF_NONE_MATCH), etag.get());
        if (outcome == Preconditions.Outcome.NOT_MODIFIED) {
            context.response().setStatusCode(304).end();
            return;
        }
        if (outcome == Preconditions.Outcome.FAILED) {
            problems.send(context, Preconditions.failed());
            return;
        }
        context.next();
    }

    private static Optional<String> etagOf(String path) {
        if (path.contains("..")) {
            return Optional.empty();
        }
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(ROOT + path)) {
            return in == null ? Optional.empty()
                    : Optional.of("\"" + Representations.etag(in.readAllBytes()).getValue() + "\"");
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
