package io.lede.input;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.HttpHeaders;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.lede.error.HttpProblemRoutes;
import io.lede.error.ProblemType;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses a declared body over {@code lede.max-body-bytes} (multipart uploads: over
 * {@code lede.images.max-bytes}) before anything reads it; {@code quarkus.http.limits.max-body-size}
 * caps everything, declared or not. Bodies sent without a length are cut off as they are read
 * ({@link JsonBodies}).
 */
@ApplicationScoped
public class BodyLimits {

    /** Room for the form fields and part headers around an uploaded file. */
    static final long MULTIPART_OVERHEAD = 64 * 1024;

    private final HttpProblemRoutes problems;
    private final long maxBodyBytes;
    private final long maxUploadBytes;

    /**
     * @param maxUploadBytes the image feature's upload limit, read by its name (its default is in
     *        io.lede.image.ImageConfig), so that the input rules need not know the image feature
     */
    public BodyLimits(HttpProblemRoutes problems, InputConfig config,
            @ConfigProperty(name = "lede.images.max-bytes") long maxUploadBytes) {
        this.problems = problems;
        this.maxBodyBytes = config.maxBodyBytes();
        this.maxUploadBytes = maxUploadBytes;
    }

    void install(@Observes @Priority(2) Router router) {
        // Right after the URI checks (InputRules), before anything may read the body.
        router.route().order(Integer.MIN_VALUE).handler(this::limit);
    }

    private void limit(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        String type = context.request().getHeader(HttpHeaders.CONTENT_TYPE);
        boolean multipart = type != null && type.regionMatches(true, 0, "multipart/", 0, 10);
        // Uploads carry an image plus a few form fields.
        long limit = multipart ? maxUploadBytes + MULTIPART_OVERHEAD : maxBodyBytes;
        if (length != null && declaredLength(length) > limit) {
            problems.send(context, ProblemType.TOO_LARGE.problem(
                    "The body is " + length.trim() + " bytes; this endpoint accepts at most " + limit));
            return;
        }
        context.next();
    }

    private static long declaredLength(String length) {
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
