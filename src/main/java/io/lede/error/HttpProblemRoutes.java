package io.lede.error;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.HttpHeaders;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Problem responses for what fails before the REST layer runs: paths nothing serves, methods and
 * requests Vert.x refuses, and credentials rejected by proactive authentication. {@link ProblemMappers}
 * handles everything inside the REST layer.
 */
@ApplicationScoped
public class HttpProblemRoutes {

    private final ObjectMapper objectMapper;

    public HttpProblemRoutes(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    void install(@Observes Router router) {
        // TRACE would echo a request back, credentials included: never.
        router.route().order(Integer.MIN_VALUE).method(HttpMethod.TRACE).handler(context -> {
            context.response().putHeader(HttpHeaders.ALLOW, "GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE");
            send(context, ProblemType.forStatus(405, HttpDetails.detailFor(405)));
        });
        router.route().order(Integer.MIN_VALUE).failureHandler(this::onFailure);
        router.route().last().handler(context -> send(context, ProblemType.forStatus(404, HttpDetails.detailFor(404))));
        // What Vert.x refuses before any route can run (a path that is not valid percent-encoding)
        // ends here rather than as an empty response.
        for (int status : new int[] { 400, 404, 405, 413, 414, 415, 431 }) {
            router.errorHandler(status, context -> sendUnlessAnswered(context, status));
        }
    }

    private void onFailure(RoutingContext context) {
        if (context.response().headWritten()) {
            context.next();
            return;
        }
        Throwable failure = context.failure();
        if (failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException) {
            context.response().putHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"lede\"");
            send(context, ProblemType.UNAUTHORIZED.problem("The token is unknown or revoked"));
        } else if (failure instanceof ForbiddenException) {
            send(context, ProblemType.FORBIDDEN.problem(HttpDetails.detailFor(403)));
        } else if (context.statusCode() >= 400 && context.statusCode() < 500) {
            // Vert.x's own refusals (a missing or malformed Host, an unparseable path) carry their status.
            send(context, ProblemType.forStatus(context.statusCode(), HttpDetails.detailFor(context.statusCode())));
        } else if (ClientGone.causes(failure)) {
            Log.debugf("The client went away mid-request: %s", failure.toString());
            send(context, ClientGone.problem());
        } else {
            // A fault of ours: logged with the request id, answered like every other 500.
            Log.error("Unhandled failure before the REST layer", failure);
            send(context, ProblemType.INTERNAL.problem("The server could not complete the request"));
        }
    }

    private void sendUnlessAnswered(RoutingContext context, int status) {
        if (!context.response().headWritten()) {
            sendStatus(context, status);
        }
    }

    /** Ends the response with the plain problem for an HTTP status (405, 404, …). */
    public void sendStatus(RoutingContext context, int status) {
        send(context, ProblemType.forStatus(status, HttpDetails.detailFor(status)));
    }

    /** Ends the response with a problem body; for routes that answer before the REST layer. */
    public void send(RoutingContext context, Problem problem) {
        try {
            context.response()
                    .setStatusCode(problem.status())
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                    .end(objectMapper.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            context.fail(e);
        }
    }
}
