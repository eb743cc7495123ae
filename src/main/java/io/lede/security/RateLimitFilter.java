package io.lede.security;

import java.util.Map;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.HttpHeaders;

import io.lede.common.cache.ResponseCache;
import io.lede.common.error.HttpProblemRoutes;
import io.lede.common.error.ProblemType;
import io.lede.common.http.Credentials;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
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
 * the responses the cache answers on the event loop count as much as the others. Readers
 * (partners) are limited by a route right after authentication, before the response cache answers
 * them too; editors are not limited.
 */
@ApplicationScoped
public class RateLimitFilter {

    /** After CORS and the security headers, before the response cache. */
    public static final int ROUTE_ORDER = Integer.MIN_VALUE + 3;
    /** After authentication (Quarkus: -200) and authorization (-100), before the partners' response cache. */
    public static final int READER_ROUTE_ORDER = ResponseCache.PARTNER_ROUTE_ORDER - 10;

    private final RateLimits limits;
    private final HttpProblemRoutes problems;

    public RateLimitFilter(RateLimits limits, HttpProblemRoutes problems) {
        this.limits = limits;
        this.problems = problems;
    }

    void install(@Observes Router router) {
        router.route("/v1/*").order(ROUTE_ORDER).handler(this::limitAnonymous);
        router.route("/v1/*").order(READER_ROUTE_ORDER).handler(this::limitReaders);
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
            apply(context, RateLimits.ANONYMOUS, limits.anonymousHere(request));
            return;
        }
        whenDecided(context, limits.anonymous(request), decision -> apply(context, RateLimits.ANONYMOUS, decision));
    }

    /**
     * Readers' requests, once proactive authentication has said who they are. Let through, they
     * are partners the response cache may answer: public content, the same bytes as anonymous.
     */
    private void limitReaders(RoutingContext context) {
        SecurityIdentity caller = context.user() instanceof QuarkusHttpUser user ? user.getSecurityIdentity() : null;
        if (caller == null || caller.isAnonymous() || caller.hasRole(Roles.EDITOR)) {
            context.next();
            return;
        }
        Object tokenId = caller.getAttribute(ApiTokenIdentityProvider.TOKEN_ID_ATTRIBUTE);
        String token = "token:" + (tokenId != null ? tokenId : caller.getPrincipal().getName());
        HttpMethod method = context.request().method();
        boolean read = method == HttpMethod.GET || method == HttpMethod.HEAD;
        Consumer<KeyedRateLimiter.Decision> then = decision -> {
            context.put(ResponseCache.PARTNER, read && decision.allowed());
            apply(context, RateLimits.READER, decision);
        };
        if (!limits.shared() || !read) {
            // As for anonymous writes: a body is not held back for a round trip (readers may not write anyway).
            then.accept(limits.readerHere(token));
            return;
        }
        whenDecided(context, limits.reader(token), then);
    }

    /** Back on the request's own event loop once the bucket answered (Redis answers elsewhere). */
    private static void whenDecided(RoutingContext context, Uni<KeyedRateLimiter.Decision> decided,
            Consumer<KeyedRateLimiter.Decision> then) {
        Context requestContext = Vertx.currentContext();
        decided.subscribe().with(decision -> {
            if (requestContext == null || Vertx.currentContext() == requestContext) {
                then.accept(decision);
            } else {
                requestContext.runOnContext(ignored -> then.accept(decision));
            }
        }, failure -> context.fail(failure));
    }

    private void apply(RoutingContext context, String policy, KeyedRateLimiter.Decision decision) {
        headers(policy, decision).forEach(context.response()::putHeader);
        if (decision.allowed()) {
            context.next();
            return;
        }
        context.response().putHeader(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
        problems.send(context, refusal(decision));
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
