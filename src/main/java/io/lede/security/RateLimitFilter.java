package io.lede.security;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.lede.common.error.HttpProblemRoutes;
import io.lede.common.error.ProblemMappers;
import io.lede.common.error.ProblemType;
import io.lede.common.http.Credentials;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Applies the rate limits and tells every limited caller where it stands with the IETF
 * RateLimit-Policy and RateLimit headers; over the limit, a 429 with Retry-After.
 *
 * <p>Anonymous reads are limited by a route in front of everything else under {@code /v1/}, so
 * the responses the cache answers on the event loop count as much as the others. Readers are
 * limited once their token is known, in the REST layer; editors are not limited.
 */
@ApplicationScoped
public class RateLimitFilter {

    /** After CORS and the security headers, before the response cache. */
    public static final int ROUTE_ORDER = Integer.MIN_VALUE + 3;

    private static final String DECISION = "lede.rate-limit";

    private final RateLimits limits;
    private final HttpProblemRoutes problems;
    private final SecurityIdentity caller;

    public RateLimitFilter(RateLimits limits, HttpProblemRoutes problems, SecurityIdentity caller) {
        this.limits = limits;
        this.problems = problems;
        this.caller = caller;
    }

    void install(@Observes Router router) {
        router.route("/v1/*").order(ROUTE_ORDER).handler(this::limitAnonymous);
    }

    private void limitAnonymous(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (Credentials.present(request)) {
            context.next();
            return;
        }
        boolean read = request.method() == HttpMethod.GET || request.method() == HttpMethod.HEAD;
        if (!limits.shared() || !read) {
            // Requests with a body are not held back for a round trip (their body would start
            // arriving before anyone reads it); anonymous callers only read anyway.
            apply(context, limits.anonymousHere(request));
            return;
        }
        Context requestContext = Vertx.currentContext();
        limits.anonymous(request).subscribe().with(decision -> {
            if (requestContext == null || Vertx.currentContext() == requestContext) {
                apply(context, decision);
            } else {
                requestContext.runOnContext(ignored -> apply(context, decision));
            }
        }, failure -> context.fail(failure));
    }

    private void apply(RoutingContext context, KeyedRateLimiter.Decision decision) {
        headers(RateLimits.ANONYMOUS, decision).forEach(context.response()::putHeader);
        if (decision.allowed()) {
            context.next();
            return;
        }
        context.response().putHeader(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
        problems.send(context, refusal(decision));
    }

    @ServerRequestFilter
    public Uni<Response> limitReaders(ContainerRequestContext request) {
        if (caller.isAnonymous() || caller.hasRole(Roles.EDITOR)) {
            return Uni.createFrom().nullItem();
        }
        Object tokenId = caller.getAttribute(ApiTokenIdentityProvider.TOKEN_ID_ATTRIBUTE);
        return limits.reader("token:" + (tokenId != null ? tokenId : caller.getPrincipal().getName())).map(decision -> {
            request.setProperty(DECISION, decision);
            if (decision.allowed()) {
                return null;
            }
            Response.ResponseBuilder refused = Response.fromResponse(ProblemMappers.problemResponse(refusal(decision)))
                    .header(HttpHeaders.RETRY_AFTER, decision.retryAfterSeconds());
            headers(RateLimits.READER, decision).forEach(refused::header);
            return refused.build();
        });
    }

    @ServerResponseFilter
    public void describe(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(DECISION) instanceof KeyedRateLimiter.Decision decision && response.getStatus() != 429) {
            headers(RateLimits.READER, decision).forEach((name, value) -> response.getHeaders().putSingle(name, value));
        }
    }

    private static io.lede.common.error.Problem refusal(KeyedRateLimiter.Decision decision) {
        return ProblemType.TOO_MANY.problem(
                "More than " + decision.limit() + " requests a minute; retry in " + decision.retryAfterSeconds() + " s");
    }

    /** draft-ietf-httpapi-ratelimit-headers: the policy, and what remains of it. */
    private static Map<String, String> headers(String policy, KeyedRateLimiter.Decision decision) {
        return Map.of(
                "RateLimit-Policy", "\"" + policy + "\";q=" + decision.limit() + ";w=60",
                "RateLimit", "\"" + policy + "\";r=" + decision.remaining() + ";t=" + decision.resetSeconds());
    }
}
