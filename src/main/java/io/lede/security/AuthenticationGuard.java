package io.lede.security;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.HttpHeaders;

import io.lede.error.HttpProblemRoutes;
import io.lede.error.ProblemType;
import io.quarkus.security.AuthenticationFailedException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Guessing tokens does not pay: failed authentications are counted per address, and once an
 * address is over {@code lede.rate-limit.failed-auth-per-minute} its failures are answered with
 * 429 instead of 401. A valid credential is never refused: many honest clients can share one
 * address (everyone behind a proxy), and one of them guessing must not lock the others out.
 * Registered before the problem routes, so that it sees failures first.
 */
@ApplicationScoped
public class AuthenticationGuard {

    private final RateLimits limits;
    private final HttpProblemRoutes problems;

    public AuthenticationGuard(RateLimits limits, HttpProblemRoutes problems) {
        this.limits = limits;
        this.problems = problems;
    }

    void install(@Observes @Priority(1) Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::countFailure);
    }

    private void countFailure(RoutingContext context) {
        if (!(context.failure() instanceof AuthenticationFailedException)) {
            context.next();
            return;
        }
        boolean alreadyOver = limits.tooManyFailedAuthentications(context.request());
        limits.failedAuthentication(context.request());
        if (alreadyOver) {
            context.response().putHeader(HttpHeaders.RETRY_AFTER, "60");
            problems.send(context, ProblemType.TOO_MANY.problem("Too many failed authentications from this address; retry later"));
            return;
        }
        context.next();
    }
}
