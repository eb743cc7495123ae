package io.lede.security;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.HttpHeaders;

import io.lede.common.error.HttpProblemRoutes;
import io.lede.common.http.Credentials;
import io.lede.common.error.ProblemType;
import io.quarkus.security.AuthenticationFailedException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Guessing tokens does not pay: failed authentications are counted per address, and an address
 * over {@code lede.rate-limit.failed-auth-per-minute} may not present credentials for a while
 * (429). Registered before the problem routes, so that it sees failures first.
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
        router.route().order(Integer.MIN_VALUE).handler(this::refuseRepeatedFailures);
        router.route().order(Integer.MIN_VALUE).failureHandler(this::countFailure);
    }

    private void refuseRepeatedFailures(RoutingContext context) {
        if (Credentials.present(context.request()) && limits.tooManyFailedAuthentications(context.request())) {
            context.response().putHeader(HttpHeaders.RETRY_AFTER, "60");
            problems.send(context, ProblemType.TOO_MANY.problem("Too many failed authentications from this address; retry later"));
            return;
        }
        context.next();
    }

    private void countFailure(RoutingContext context) {
        if (context.failure() instanceof AuthenticationFailedException) {
            limits.failedAuthentication(context.request());
        }
        context.next();
    }
}
