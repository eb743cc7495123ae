package io.lede.security;

import java.util.Map;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.HttpHeaders;

import io.lede.cache.ResponseCache;
import io.lede.error.HttpProblemRoutes;
import io.lede.error.ProblemType;
import io.lede.http.Credentials;
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
 * (partners) are limited there too when their token is known from memory, otherwise right after
 * authentication; either way before the response cache answers them. Editors are not limited.
 */
@ApplicationScoped
public class RateLimitFilter {

    /** After CORS and the security headers, before the response cache. */
    public static final int ROUTE_ORDER = Integer.MIN_VALUE + 3;
    /** After authentication (Quarkus: -200) and authorization (-100), before the partners' response cache. */
    public static final int READER_ROUTE_ORDER = ResponseCache.PARTNER_ROUTE_ORDER - 10;

    /** Set once a reader's request was counted, so that it is counted once. */
    private static final String READER_LIMITED = "lede.rate-limit.reader";

    private final RateLimits limits;
    private final HttpProblemRoutes problems;
    private final KnownTokens known;

    public RateLimitFilter(RateLimits limits, HttpProblemRoutes problems, KnownTokens known) {
        this.limits = limits;
        this.problems = problems;
        this.known = known;
    }

    void install(@Observes Router router) {
        router.route("/v1/*").order(ROUTE_ORDER).handler(this::limitAnonymous);
        router.route("/v1/*").order(READER_ROUTE_ORDER).handler(this::limitReaders);
    }

    private void limitAnonymous(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (Credentials.present(request)) {
            limitKnownPartner(context);
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
     * A partner whose token is already known from memory ({@link KnownTokens}) is limited here,
     * before authentication, and the response cache may answer it next, as cheaply as an anonymous
     * reader. Any other request with credentials is authenticated first (then {@link #limitReaders}).
     */
    private void limitKnownPartner(RoutingContext context) {
        String secret = ApiTokenAuthenticationMechanism.presentedSecret(context.request());
        TokenService.Holder holder = secret == null ? null : known.find(secret).orElse(null);
        if (holder == null || holder.role() != Role.READER || holder.tokenId() == null) {
            context.next();
            return;
        }
        limitReader(context, holder.tokenId().toString());
    }

    /**
     * Readers' requests, once proactive authentication has said who they are (unless limited
     * before it). Let through, they are partners the response cache may answer: public content,
     * the same bytes as anonymous readers get.
     */
    private void limitReaders(RoutingContext context) {
        if (context.get(READER_LIMITED) != null) {
            context.next();
            return;
        }
        SecurityIdentity caller = context.user() instanceof QuarkusHttpUser user ? user.getSecurityIdentity() : null;
        if (caller == null || caller.isAnonymous() || caller.hasRole(Roles.EDITOR)) {
            context.next();
            return;
        }
        Object tokenId = caller.getAttribute(ApiTokenIdentityProvider.TOKEN_ID_ATTRIBUTE);
        limitReader(context, String.valueOf(tokenId != null ? tokenId : caller.getPrincipal().getName()));
    }

    private void limitReader(RoutingContext context, String tokenId) {
        context.put(READER_LIMITED, Boolean.TRUE);
        String token = "token:" + tokenId;
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

    private static io.lede.error.Problem refusal(KeyedRateLimiter.Decision decision) {
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
