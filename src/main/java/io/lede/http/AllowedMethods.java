package io.lede.http;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;

import io.lede.error.HttpProblemRoutes;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Which methods each path really answers, read once from the REST resources' annotations, so that
 * {@code OPTIONS} and every 405 name exactly those ({@code Allow}), and the operational endpoints
 * under {@code /q/} refuse anything but reads. CORS preflights are answered before this, by
 * {@link OpenCors}.
 *
 * <p>A method a path does not have is refused here, not by the REST layer: where one resource's
 * path lies under another's ({@code /v1/articles/{id}/live} under {@code /v1/articles}), RESTEasy
 * falls back to the outer resource when the inner one lacks the method, finds no sub-path there
 * and answers 404. This table knows every path, so every path gets the same 405.
 */
@ApplicationScoped
public class AllowedMethods {

    /** Health, metrics and the OpenAPI document are read-only. */
    static final String OPERATIONS_ALLOW = "GET, HEAD, OPTIONS";
    private static final Pattern TEMPLATE_VARIABLE = Pattern.compile("\\{\\s*\\w[\\w.-]*\\s*(?::\\s*((?:[^{}]|\\{[^{}]*\\})+))?}");

    /** A path template of the API as a pattern, with the methods it has. */
    record Endpoint(String template, Pattern pattern, int literalLength, Set<String> methods) {

        String allow() {
            Set<String> allowed = new TreeSet<>(Comparator.comparingInt(AllowedMethods::rank));
            allowed.addAll(methods);
            if (allowed.contains(HttpMethod.GET)) {
                allowed.add(HttpMethod.HEAD);
            }
            allowed.add(HttpMethod.OPTIONS);
            return String.join(", ", allowed);
        }
    }

    private final BeanManager beans;
    private final HttpProblemRoutes problems;
    private volatile List<Endpoint> endpoints;

    public AllowedMethods(BeanManager beans, HttpProblemRoutes problems) {
        this.beans = beans;
        this.problems = problems;
    }

    void install(@Observes @Priority(2) Router router) {
        router.route().order(Integer.MIN_VALUE + 2).handler(this::handle);
    }

    /** The {@code Allow} value for a path, or null when no endpoint serves it. */
    public String allowFor(String path) {
        if (path.startsWith("/q/")) {
            return OPERATIONS_ALLOW;
        }
        Endpoint endpoint = endpointFor(path);
        return endpoint == null ? null : endpoint.allow();
    }

    /** Whether {@code method} is one the endpoint answers ({@code HEAD} wherever {@code GET} is). */
    private static boolean answers(Endpoint endpoint, String method) {
        return endpoint.methods().contains(method) || method.equals(HttpMethod.HEAD) && endpoint.methods().contains(HttpMethod.GET);
    }

    private Endpoint endpointFor(String path) {
        for (Endpoint endpoint : endpoints()) {
            if (endpoint.pattern().matcher(path).matches()) {
                return endpoint;
            }
        }
        return null;
    }

    private void handle(RoutingContext context) {
        String method = context.request().method().name();
        String path = context.request().path();
        // RESTEasy's 405 carries no Allow header: every 405 gets the one this table knows.
        context.addHeadersEndHandler(ignored -> {
            if (context.response().getStatusCode() == 405 && context.response().headers().get(HttpHeaders.ALLOW) == null) {
                String allow = allowFor(path);
                if (allow != null) {
                    context.response().putHeader(HttpHeaders.ALLOW, allow);
                }
            }
        });
        if (method.equals(HttpMethod.OPTIONS)) {
            Endpoint endpoint = endpointFor(path);
            if (path.startsWith("/q/")) {
                context.response().putHeader(HttpHeaders.ALLOW, OPERATIONS_ALLOW).setStatusCode(204).end();
            } else if (endpoint == null) {
                // Not an API path: static files and unknown paths answer as they would anyway.
                context.next();
            } else {
                PathTemplates.set(context, endpoint.template());
                context.response().putHeader(HttpHeaders.ALLOW, endpoint.allow()).setStatusCode(204).end();
            }
            return;
        }
        if (path.startsWith("/q/") && !method.equals(HttpMethod.GET) && !method.equals(HttpMethod.HEAD)) {
            context.response().putHeader(HttpHeaders.ALLOW, OPERATIONS_ALLOW);
            problems.sendStatus(context, 405);
            return;
        }
        Endpoint endpoint = path.startsWith("/q/") ? null : endpointFor(path);
        if (endpoint != null && !answers(endpoint, method)) {
            PathTemplates.set(context, endpoint.template());
            context.response().putHeader(HttpHeaders.ALLOW, endpoint.allow());
            problems.sendStatus(context, 405);
            return;
        }
        context.next();
    }

    private List<Endpoint> endpoints() {
        List<Endpoint> known = endpoints;
        if (known == null) {
            known = read();
            endpoints = known;
        }
        return known;
    }

    /** Most literal characters first, so {@code /v1/articles/{id}/quotes} wins over {@code /v1/articles/{id}}. */
    private List<Endpoint> read() {
        List<Endpoint> found = new ArrayList<>();
        for (Bean<?> bean : beans.getBeans(Object.class, Any.Literal.INSTANCE)) {
            Class<?> type = bean.getBeanClass();
            Path root = type.getAnnotation(Path.class);
            if (root == null) {
                continue;
            }
            for (Method method : type.getMethods()) {
                String verb = verb(method);
                if (verb == null) {
                    continue;
                }
                Path sub = method.getAnnotation(Path.class);
                String template = join(root.value(), sub == null ? "" : sub.value());
                Endpoint endpoint = found.stream().filter(e -> e.template().equals(template)).findFirst()
                        .orElseGet(() -> {
                            Endpoint made = compile(template);
                            found.add(made);
                            return made;
                        });
                endpoint.methods().add(verb);
            }
        }
        found.sort(Comparator.comparingInt(Endpoint::literalLength).reversed());
        return List.copyOf(found);
    }

    private static String verb(Method method) {
        for (var annotation : method.getAnnotations()) {
            HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return verb.value();
            }
        }
        return null;
    }

    private static String join(String root, String sub) {
        String path = ("/" + root + "/" + sub).replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    static Endpoint compile(String template) {
        StringBuilder regex = new StringBuilder();
        Matcher variable = TEMPLATE_VARIABLE.matcher(template);
        int literal = 0;
        int at = 0;
        while (variable.find()) {
            regex.append(Pattern.quote(template.substring(at, variable.start())));
            literal += variable.start() - at;
            regex.append('(').append(variable.group(1) != null ? variable.group(1).trim() : "[^/]+").append(')');
            at = variable.end();
        }
        regex.append(Pattern.quote(template.substring(at)));
        literal += template.length() - at;
        return new Endpoint(template, Pattern.compile(regex + "/?"), literal, new LinkedHashSet<>());
    }

    private static int rank(String method) {
        int index = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS").indexOf(method);
        return index < 0 ? 99 : index;
    }
}
