package io.lede.cache;

import jakarta.ws.rs.core.HttpHeaders;

import io.vertx.core.http.HttpServerRequest;

/** How the response cache tells requests apart, and which it leaves alone. */
final class CachedRequests {

    private CachedRequests() {
    }

    /** Host, path and query, and the headers a response varies by. */
    static String key(HttpServerRequest request) {
        return request.getHeader(HttpHeaders.HOST) + ' ' + request.uri() + '\n'
                + request.getHeader(HttpHeaders.ACCEPT) + '\n' + request.getHeader(HttpHeaders.ACCEPT_LANGUAGE);
    }

    /**
     * A request for an event stream (EventSource always asks for one) is never answered from the
     * cache, and never leads a render others would wait for: its response does not end while the
     * client listens.
     */
    static boolean isEventStream(HttpServerRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return accept != null && accept.contains("text/event-stream");
    }
}
