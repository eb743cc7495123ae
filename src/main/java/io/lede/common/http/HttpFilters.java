package io.lede.common.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.quarkus.logging.Log;

/** Cross-cutting request and response handling for every REST endpoint. */
public class HttpFilters {

    @ServerResponseFilter
    public void commonHeaders(ContainerRequestContext request, ContainerResponseContext response) {
        // Quarkus compresses but does not say so to caches; without Vary a CDN could mix encodings.
        // One Vary header, keeping whatever the resource already varies on (Accept-Language).
        Object vary = response.getHeaders().getFirst(HttpHeaders.VARY);
        response.getHeaders().putSingle(HttpHeaders.VARY,
                vary == null ? HttpHeaders.ACCEPT_ENCODING : vary + ", " + HttpHeaders.ACCEPT_ENCODING);
        if (Log.isDebugEnabled()) {
            Log.debugf("%s %s -> %d", request.getMethod(), request.getUriInfo().getRequestUri().getRawPath(),
                    response.getStatus());
        }
    }
}
