package io.lede.common.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.lede.common.cache.ResponseCache;
import io.quarkus.logging.Log;
import io.vertx.ext.web.RoutingContext;

/** Cross-cutting request and response handling for every REST endpoint. */
public class HttpFilters {

    private final ResponseCache responseCache;

    public HttpFilters(ResponseCache responseCache) {
        this.responseCache = responseCache;
    }

    @ServerResponseFilter
    public void commonHeaders(ContainerRequestContext request, ContainerResponseContext response, RoutingContext routing) {
        // Quarkus compresses but does not say so to caches; without Vary a CDN could mix encodings.
        // One Vary header, keeping whatever the resource already varies on (Accept-Language).
        Object vary = response.getHeaders().getFirst(HttpHeaders.VARY);
        response.getHeaders().putSingle(HttpHeaders.VARY,
                vary == null ? HttpHeaders.ACCEPT_ENCODING : vary + ", " + HttpHeaders.ACCEPT_ENCODING);
        // Last, with every header in place: what the cache keeps is what this reader gets.
        responseCache.offer(routing, response);
        if (Log.isDebugEnabled()) {
            Log.debugf("%s %s -> %d", request.getMethod(), request.getUriInfo().getRequestUri().getRawPath(),
                    response.getStatus());
        }
    }
}
