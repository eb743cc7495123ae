package io.lede.error;

import java.util.ArrayList;
import java.util.Comparator;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException.ConstraintKind;
import org.hibernate.exception.JDBCConnectionException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.lede.db.Conflicts;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * The one place where failures inside the REST layer become RFC 9457 problem responses.
 * Library messages, exception class names and stack traces never reach the client: each mapper
 * writes its own detail text.
 */
public class ProblemMappers {

    /** Seconds a client should wait before retrying while the database is unreachable. */
    static final String RETRY_AFTER_SECONDS = "5";

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return respond(e.problem());
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e) {
        // The JSON reader reports unreadable bodies as a plain 400 wrapping Jackson's exception.
        if (e.getCause() instanceof JsonProcessingException json) {
            return json(json);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            Log.error("Server error in the HTTP layer", e);
            return respond(ProblemType.INTERNAL.problem("The server could not complete the request"));
        }
        Response.ResponseBuilder builder = Response.fromResponse(problemResponse(ProblemType.forStatus(status,
                HttpDetails.detailFor(status))));
        // 405 must say which methods are allowed (AllowedMethods adds it where RESTEasy has none).
        String allow = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
        if (allow != null) {
            builder.header(HttpHeaders.ALLOW, allow);
        }
        return builder.build();
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            errors.add(new Problem.FieldError(fieldName(violation.getPropertyPath()), violation.getMessage()));
        }
        errors.sort(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message));
        return respond(Problem.validation(errors));
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        return respond(JsonProblems.of(e).problem());
    }

    /** Named separately so that it wins over the JSON extension's own mapper for this type. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return json(e);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return unauthorizedResponse("This request needs a valid token: Authorization: Bearer <token>");
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return unauthorizedResponse("The token is unknown or revoked");
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(ProblemType.FORBIDDEN.problem("This token's role may not do that"));
    }

    @ServerExceptionMapper
    public Response staleWrite(OptimisticLockException e) {
        return respond(ProblemType.STALE.problem("The item changed meanwhile; fetch it again and retry"));
    }

    @ServerExceptionMapper
    public Response persistence(PersistenceException e) {
        return fromCause(e);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        return fromCause(e);
    }

    private Response fromCause(Throwable e) {
        Optional<Problem> multipart = MultipartProblems.of(e);
        if (multipart.isPresent()) {
            return respond(multipart.get());
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof StaleStateException || cause instanceof OptimisticLockException) {
                return staleWrite(null);
            }
            if (cause instanceof org.hibernate.exception.ConstraintViolationException violation
                    && violation.getKind() == ConstraintKind.UNIQUE) {
                return respond(ProblemType.CONFLICT.problem("An item with the same unique value already exists"));
            }
            if (isDatabaseUnavailable(cause)) {
                return unavailable("The database is not reachable; retry shortly");
            }
        }
        // A write that kept losing races after its retries (see RetryOnConflict): a foreign key whose
        // row went meanwhile, a deadlock, a lock wait that timed out. Not the client's fault, nor a bug.
        if (Conflicts.isLostRace(e)) {
            return respond(ProblemType.CONFLICT.problem("The item was changed by concurrent requests meanwhile; fetch it again and retry"));
        }
        if (ClientGone.causes(e)) {
            Log.debugf("The client went away mid-request: %s", e.toString());
            return respond(ClientGone.problem());
        }
        Log.error("Unhandled failure", e);
        return respond(ProblemType.INTERNAL.problem("The server could not complete the request"));
    }

    /**
     * The database cannot be reached: the driver says so (SQLState class 08), the server is
     * shutting down or starting (57P01-57P03: a stopped database ends its sessions with these), or
     * the pool gave up waiting for a connection (agroal's acquisition timeout).
     */
    private static boolean isDatabaseUnavailable(Throwable cause) {
        if (cause instanceof JDBCConnectionException || cause instanceof SQLTransientConnectionException) {
            return true;
        }
        return cause instanceof SQLException sql
                && ((sql.getSQLState() != null && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P")))
                        || sql.getCause() instanceof TimeoutException);
    }

    /** 503 with Retry-After: something the service depends on (database, image store) does not answer. */
    public static Response unavailable(String detail) {
        return Response.fromResponse(problemResponse(ProblemType.UNAVAILABLE.problem(detail)))
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
    }

    private static Response unauthorizedResponse(String detail) {
        return Response.fromResponse(problemResponse(ProblemType.UNAUTHORIZED.problem(detail)))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"lede\"").build();
    }

    private static Response respond(Problem problem) {
        return problemResponse(problem);
    }

    public static Response problemResponse(Problem problem) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .entity(problem)
                .build();
    }

    /**
     * {@code create.request.body[2].imageId} becomes {@code body[2].imageId}; a query parameter's
     * violation ({@code list.limit}) becomes {@code limit}.
     */
    static String fieldName(Path path) {
        StringBuilder field = new StringBuilder();
        String parameter = null;
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.isInIterable()) {
                field.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
            }
            if (node.getKind() == ElementKind.PROPERTY && node.getName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        if (field.isEmpty()) {
            // Only the parameter itself: in this API that is the request body (query parameters are parsed by hand).
            return "body";
        }
        if (field.charAt(0) == '[') {
            return (parameter != null ? parameter : "body") + field;
        }
        return field.toString();
    }
}
