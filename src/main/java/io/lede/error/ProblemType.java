package io.lede.error;

import jakarta.ws.rs.core.Response;

/**
 * The kinds of problem Lede reports. Plain HTTP failures use {@code about:blank} as RFC 9457 asks;
 * the ones a client may want to branch on get a stable URN.
 */
public enum ProblemType {
    VALIDATION("urn:lede:problem:validation", "Request is invalid", 400),
    MALFORMED("urn:lede:problem:malformed-body", "Request body is not valid JSON", 400),
    MALFORMED_URI("urn:lede:problem:malformed-uri", "Request URI is malformed", 400),
    UNAUTHORIZED("about:blank", "Unauthorized", 401),
    FORBIDDEN("about:blank", "Forbidden", 403),
    NOT_FOUND("about:blank", "Not Found", 404),
    NOT_ACCEPTABLE("about:blank", "Not Acceptable", 406),
    CONFLICT("urn:lede:problem:conflict", "Conflict", 409),
    GONE("urn:lede:problem:sync-expired", "Gone", 410),
    STALE("urn:lede:problem:stale-etag", "Precondition Failed", 412),
    TOO_LARGE("about:blank", "Content Too Large", 413),
    TOO_MANY("about:blank", "Too Many Requests", 429),
    PRECONDITION_REQUIRED("urn:lede:problem:if-match-required", "Precondition Required", 428),
    UNAVAILABLE("about:blank", "Service Unavailable", 503),
    INTERNAL("about:blank", "Internal Server Error", 500);

    private final String uri;
    private final String title;
    private final int status;

    ProblemType(String uri, String title, int status) {
        this.uri = uri;
        this.title = title;
        this.status = status;
    }

    public String uri() {
        return uri;
    }

    public String title() {
        return title;
    }

    public int status() {
        return status;
    }

    /** A problem for a status that has no type of its own: about:blank with the reason phrase. */
    public static Problem forStatus(int status, String detail) {
        Response.StatusType known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase() : "HTTP " + status;
        return new Problem("about:blank", title, status, detail, null);
    }

    public Problem problem(String detail) {
        return new Problem(uri, title, status, detail, null);
    }
}
