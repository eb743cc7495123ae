package io.lede.cache;

import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.lede.http.HttpFilters;
import io.vertx.ext.web.RoutingContext;

/** Hands every response the REST layer rendered to the response cache, once all its headers are in place. */
public class ResponseCacheFilter {

    private final ResponseCache responseCache;

    public ResponseCacheFilter(ResponseCache responseCache) {
        this.responseCache = responseCache;
    }

    /** After the other response filters (they run highest priority first): what the cache keeps is what this reader gets. */
    @ServerResponseFilter(priority = HttpFilters.HEADERS_PRIORITY - 1000)
    public void offer(ContainerResponseContext response, RoutingContext routing) {
        responseCache.offer(routing, response);
    }
}
