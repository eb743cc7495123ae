package io.lede.input;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.lede.error.ProblemException;

/**
 * A read with a query parameter the endpoint does not know is a 400 listing the ones it does:
 * a typo ({@code sectoin=world}) never silently returns everything. A numeric parameter (declared
 * integer or number in its OpenAPI schema) sent blank ({@code limit=}) is a 400 too: RESTEasy would
 * hand it over as absent, and the default is not what the client wrote. Every parameter, path
 * segment and sent-back header is held to its {@link ParameterLimits} length, on every method.
 */
public class KnownQueryParameters {

    /** The query parameters an endpoint declares, and which of them are numbers. */
    record Declared(Set<String> names, Set<String> numeric) {
    }

    private final Map<Method, Declared> accepted = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void check(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return;
        }
        request.getUriInfo().getQueryParameters().forEach((name, values) -> values.forEach(value -> ParameterLimits.check(name, value)));
        request.getUriInfo().getPathParameters().forEach((name, values) -> values.forEach(value -> ParameterLimits.check(name, value)));
        ParameterLimits.HEADERS.forEach(header -> ParameterLimits.check(header, request.getHeaderString(header)));
        if (!"GET".equals(request.getMethod())) {
            return;
        }
        Declared declared = accepted.computeIfAbsent(method, KnownQueryParameters::declaredBy);
        Set<String> known = declared.names();
        for (Map.Entry<String, List<String>> parameter : request.getUriInfo().getQueryParameters().entrySet()) {
            String name = parameter.getKey();
            if (!known.contains(name)) {
                throw ProblemException.invalid(name, "is not a parameter of this endpoint; accepted: "
                        + (known.isEmpty() ? "none" : String.join(", ", known)));
            }
            if (declared.numeric().contains(name) && parameter.getValue().stream().anyMatch(value -> value == null || value.isBlank())) {
                throw ProblemException.invalid(name, "must be a number, not blank; leave the parameter out for the default");
            }
        }
    }

    static Declared declaredBy(Method method) {
        Set<String> numeric = new TreeSet<>();
        for (Parameter parameter : method.getParameters()) {
            addIfNumeric(numeric, parameter.getAnnotation(RestQuery.class), parameter.getAnnotation(QueryParam.class),
                    parameter.getAnnotation(org.eclipse.microprofile.openapi.annotations.parameters.Parameter.class), parameter.getName());
            if (parameter.isAnnotationPresent(BeanParam.class)) {
                for (Class<?> type = parameter.getType(); type != null && type != Object.class; type = type.getSuperclass()) {
                    for (Field field : type.getDeclaredFields()) {
                        addIfNumeric(numeric, field.getAnnotation(RestQuery.class), field.getAnnotation(QueryParam.class),
                                field.getAnnotation(org.eclipse.microprofile.openapi.annotations.parameters.Parameter.class), field.getName());
                    }
                }
            }
        }
        return new Declared(namesOf(method), numeric);
    }

    private static void addIfNumeric(Set<String> numeric, RestQuery rest, QueryParam query,
            org.eclipse.microprofile.openapi.annotations.parameters.Parameter openApi, String declaredName) {
        if (openApi == null) {
            return;
        }
        SchemaType type = openApi.schema().type();
        if (type == SchemaType.INTEGER || type == SchemaType.NUMBER) {
            addName(numeric, rest, query, declaredName);
        }
    }

    static Set<String> namesOf(Method method) {
        Set<String> names = new TreeSet<>();
        for (Parameter parameter : method.getParameters()) {
            addName(names, parameter.getAnnotation(RestQuery.class), parameter.getAnnotation(QueryParam.class),
                    parameter.getName());
            if (parameter.isAnnotationPresent(BeanParam.class)) {
                for (Class<?> type = parameter.getType(); type != null && type != Object.class; type = type.getSuperclass()) {
                    for (Field field : type.getDeclaredFields()) {
                        addName(names, field.getAnnotation(RestQuery.class), field.getAnnotation(QueryParam.class),
                                field.getName());
                    }
                }
            }
        }
        return names;
    }

    private static void addName(Set<String> names, RestQuery rest, QueryParam query, String declaredName) {
        if (rest != null) {
            names.add(rest.value().isEmpty() ? declaredName : rest.value());
        } else if (query != null) {
            names.add(query.value());
        }
    }
}
