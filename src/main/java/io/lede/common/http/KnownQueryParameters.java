package io.lede.common.http;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;

import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.lede.common.error.ProblemException;

/**
 * A read with a query parameter the endpoint does not know is a 400 listing the ones it does:
 * a typo ({@code sectoin=world}) never silently returns everything.
 */
public class KnownQueryParameters {

    private final Map<Method, Set<String>> accepted = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void check(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null || !"GET".equals(request.getMethod())) {
            return;
        }
        Set<String> known = accepted.computeIfAbsent(method, KnownQueryParameters::namesOf);
        for (String name : request.getUriInfo().getQueryParameters().keySet()) {
            if (!known.contains(name)) {
                throw ProblemException.invalid(name, "is not a parameter of this endpoint; accepted: "
                        + (known.isEmpty() ? "none" : String.join(", ", known)));
            }
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
