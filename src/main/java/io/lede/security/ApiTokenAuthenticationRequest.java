package io.lede.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A secret presented as {@code Authorization: Bearer} or {@code X-Api-Key}. */
public class ApiTokenAuthenticationRequest extends BaseAuthenticationRequest {

    private final String secret;

    public ApiTokenAuthenticationRequest(String secret) {
        this.secret = secret;
    }

    public String secret() {
        return secret;
    }
}
