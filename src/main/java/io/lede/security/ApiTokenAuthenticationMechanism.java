package io.lede.security;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;

import io.lede.http.Credentials;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Reads the token from {@code Authorization: Bearer <token>} or, for partners, {@code X-Api-Key}.
 * No credentials means an anonymous caller; credentials that are present but wrong are a 401 on
 * every path (proactive authentication), public ones included.
 */
@ApplicationScoped
public class ApiTokenAuthenticationMechanism implements HttpAuthenticationMechanism {

    static final String API_KEY_HEADER = Credentials.API_KEY_HEADER;
    private static final String BEARER = "bearer ";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String authorization = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        String secret;
        if (authorization != null) {
            if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
                return Uni.createFrom().failure(new AuthenticationFailedException("Only Bearer tokens are accepted"));
            }
            secret = authorization.substring(BEARER.length()).trim();
        } else {
            secret = context.request().getHeader(API_KEY_HEADER);
        }
        if (secret == null) {
            return Uni.createFrom().optional(java.util.Optional.empty());
        }
        if (secret.isBlank()) {
            return Uni.createFrom().failure(new AuthenticationFailedException("Empty token"));
        }
        return identityProviderManager.authenticate(
                HttpSecurityUtils.setRoutingContextAttribute(new ApiTokenAuthenticationRequest(secret.trim()), context));
    }

    /** The token a request presents in a well-formed header, if any (what {@link #authenticate} would check). */
    static String presentedSecret(HttpServerRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        String secret;
        if (authorization != null) {
            if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
                return null;
            }
            secret = authorization.substring(BEARER.length());
        } else {
            secret = request.getHeader(API_KEY_HEADER);
        }
        return secret == null || secret.isBlank() ? null : secret.trim();
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"lede\""));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(ApiTokenAuthenticationRequest.class);
    }
}
