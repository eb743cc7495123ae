package io.lede.security;

import java.util.Optional;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.lede.common.error.ProblemMappers;
import io.lede.common.error.ProblemType;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;

/**
 * Applies the rate limits once the caller is known, and tells every limited caller where it stands
 * with the IETF RateLimit-Policy and RateLimit headers; over the limit, a 429 with Retry-After.
 */
public class RateLimitFilter {

    private static final String DECISION = "lede.rate-limit";

    private final RateLimits limits;
    private final SecurityIdentity caller;

    public RateLimitFilter(RateLimits limits, SecurityIdentity caller) {
        this.limits = limits;
        this.caller = caller;
    }

    @ServerRequestFilter
    public Optional<Response> limit(ContainerRequestContext request, HttpServerRequest http) {
        if (caller.hasRole(Roles.EDITOR)) {
            return Optional.empty();
        }
        String policy;
        KeyedRateLimiter.Decision decision;
        if (caller.isAnonymous()) {
            policy = RateLimits.ANONYMOUS;
            decision = limits.anonymous(http);
        } else {
            policy = RateLimits.READER;
            Object tokenId = caller.getAttribute(ApiTokenIdentityProvider.TOKEN_ID_ATTRIBUTE);
            decision = limits.reader("token:" + (tokenId != null ? tokenId : caller.getPrincipal().getName()));
        }
        request.setProperty(DECISION, new Object[] { policy, decision });
        if (decision.allowed()) {
            return Optional.empty();
        }
        Response.ResponseBuilder refused = Response.fromResponse(ProblemMappers.problemResponse(ProblemType.TOO_MANY.problem(
                "More than " + decision.limit() + " requests a minute; retry in " + decision.retryAfterSeconds() + " s")))
                .header(HttpHeaders.RETRY_AFTER, decision.retryAfterSeconds());
        headers(policy, decision).forEach(refused::header);
        return Optional.of(refused.build());
    }

    @ServerResponseFilter
    public void describe(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(DECISION) instanceof Object[] state && response.getStatus() != 429) {
            headers((String) state[0], (KeyedRateLimiter.Decision) state[1])
                    .forEach((name, value) -> response.getHeaders().putSingle(name, value));
        }
    }

    /** draft-ietf-httpapi-ratelimit-headers: the policy, and what remains of it. */
    private static java.util.Map<String, String> headers(String policy, KeyedRateLimiter.Decision decision) {
        return java.util.Map.of(
                "RateLimit-Policy", "\"" + policy + "\";q=" + decision.limit() + ";w=60",
                "RateLimit", "\"" + policy + "\";r=" + decision.remaining() + ";t=" + decision.resetSeconds());
    }
}
