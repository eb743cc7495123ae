package io.lede.http;

import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.MDC;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Every request has an id: the caller's (or its proxy's) {@code X-Request-Id} when it is a sane
 * token, a new UUID otherwise. It is echoed in the response and put in the logging context as
 * {@code requestId}, so a complaint quoting it leads to the log lines of that request.
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    static final String MDC_KEY = "requestId";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    void install(@Observes @Priority(0) Router router) {
        // First of all, so that even refusals (413, 429) carry it.
        router.route().order(Integer.MIN_VALUE).handler(this::assign);
    }

    private void assign(RoutingContext context) {
        String given = context.request().getHeader(HEADER);
        String id = given != null && SANE.matcher(given).matches() ? given : UUID.randomUUID().toString();
        context.response().putHeader(HEADER, id);
        MDC.put(MDC_KEY, id);
        context.addEndHandler(ignored -> MDC.remove(MDC_KEY));
        context.next();
    }
}
