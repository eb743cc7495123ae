package io.lede.http;

import jakarta.ws.rs.core.HttpHeaders;

import io.vertx.core.http.HttpServerRequest;

/** Where callers put their tokens; a request with neither header is anonymous. */
public final class Credentials {

    /** Partners' alternative to {@code Authorization: Bearer}. */
    public static final String API_KEY_HEADER = "X-Api-Key";

    private Credentials() {
    }

    public static boolean present(HttpServerRequest request) {
        return request.getHeader(HttpHeaders.AUTHORIZATION) != null || request.getHeader(API_KEY_HEADER) != null;
    }
}
