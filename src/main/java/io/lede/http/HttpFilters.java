package io.lede.http;

import java.util.List;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.lede.error.ProblemException;
import io.lede.error.ProblemType;
import io.quarkus.logging.Log;

/** Cross-cutting request and response handling for every REST endpoint. */
public class HttpFilters {

    /** Before the response cache keeps a response (io.lede.cache.ResponseCacheFilter): response filters run highest first. */
    public static final int HEADERS_PRIORITY = Priorities.USER;

    /**
     * RESTEasy picks a representation even when the client ruled it out with {@code q=0}: a
     * request whose Accept header allows none of what the endpoint produces gets 406.
     */
    @ServerRequestFilter
    public void acceptable(ContainerRequestContext request, ResourceInfo resource) {
        String accept = request.getHeaderString(HttpHeaders.ACCEPT);
        if (accept == null || resource == null || resource.getResourceMethod() == null) {
            return;
        }
        Produces produces = resource.getResourceMethod().getAnnotation(Produces.class);
        if (produces == null) {
            produces = resource.getResourceClass().getAnnotation(Produces.class);
        }
        if (produces != null) {
            requireAcceptable(accept, List.of(produces.value()));
        }
    }

    /**
     * A 406 unless the Accept header allows one of these media types: what every endpoint checks,
     * by its @Produces here, or by itself when its media type is not known before it runs (feeds).
     */
    public static void requireAcceptable(String accept, List<String> mediaTypes) {
        if (mediaTypes.stream().noneMatch(type -> AcceptHeader.allows(accept, type))) {
            throw ProblemException.of(ProblemType.NOT_ACCEPTABLE,
                    "This endpoint answers with " + String.join(", ", mediaTypes) + ", which the Accept header rules out");
        }
    }

    @ServerResponseFilter(priority = HEADERS_PRIORITY)
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
