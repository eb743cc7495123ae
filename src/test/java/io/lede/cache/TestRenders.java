package io.lede.cache;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.smallrye.mutiny.Uni;

/**
 * Test-only: counts the requests that reach the REST layer for a URL, and on request slows them
 * down or fails the first one, so that concurrent misses of one entry overlap for certain.
 * Does nothing to requests without its headers.
 */
public class TestRenders {

    static final String COUNT = "X-Test-Count-Renders";
    static final String DELAY = "X-Test-Render-Delay";
    static final String DELAY_FIRST = "X-Test-Render-Delay-First";
    static final String FAIL_FIRST = "X-Test-Fail-First";

    private static final Map<String, AtomicInteger> RENDERS = new ConcurrentHashMap<>();
    private static final Set<String> FIRST_SEEN = ConcurrentHashMap.newKeySet();

    static int renders(String path) {
        AtomicInteger count = RENDERS.get(path);
        return count == null ? 0 : count.get();
    }

    @ServerRequestFilter
    public Uni<Response> render(ContainerRequestContext request) {
        if (request.getHeaderString(COUNT) == null) {
            return Uni.createFrom().nullItem();
        }
        String path = request.getUriInfo().getRequestUri().getRawPath()
                + (request.getUriInfo().getRequestUri().getRawQuery() == null ? "" : "?" + request.getUriInfo().getRequestUri().getRawQuery());
        RENDERS.computeIfAbsent(path, ignored -> new AtomicInteger()).incrementAndGet();
        boolean first = FIRST_SEEN.add(path);
        long delay = millis(request.getHeaderString(DELAY)) + (first ? millis(request.getHeaderString(DELAY_FIRST)) : 0);
        Response failure = first && request.getHeaderString(FAIL_FIRST) != null ? Response.status(503).build() : null;
        Uni<Response> result = Uni.createFrom().item(failure);
        return delay > 0 ? result.onItem().delayIt().by(Duration.ofMillis(delay)) : result;
    }

    private static long millis(String header) {
        return header == null ? 0 : Long.parseLong(header);
    }
}
