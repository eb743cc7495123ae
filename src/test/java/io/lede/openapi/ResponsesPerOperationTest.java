package io.lede.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import jakarta.ws.rs.HttpMethod;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.junit.jupiter.api.Test;

/**
 * Keeps the resources thin: an operation declares only the responses that are its own (the success,
 * its 404 or 409...), at most {@value #MAX} of them. What follows from what the operation is (401,
 * 429, 403, 304, 412/428, 415, 400, 406) is added by {@link SharedResponses}; what a whole resource
 * shares goes on the class.
 */
class ResponsesPerOperationTest {

    static final int MAX = 3;

    /** Operations allowed more than {@link #MAX}, by "Resource.method": none today. */
    static final Map<String, Integer> ALLOWED_ABOVE_MAX = Map.of();

    @Test
    void shouldDeclareAtMostThreeResponsesPerOperation() throws Exception {
        List<Class<?>> resources = resourceClasses();
        assertTrue(resources.stream().anyMatch(c -> c.getSimpleName().equals("ArticleResource")),
                "no resource classes found: " + resources);
        List<String> tooMany = new ArrayList<>();
        Map<String, Integer> counts = new TreeMap<>();
        for (Class<?> resource : resources) {
            for (Method method : resource.getDeclaredMethods()) {
                if (!isOperation(method)) {
                    continue;
                }
                String name = resource.getSimpleName() + "." + method.getName();
                // getAnnotationsByType also finds them inside an @APIResponses container; an
                // @APIResponseSchema declares a response too.
                int declared = method.getAnnotationsByType(APIResponse.class).length
                        + method.getAnnotationsByType(APIResponseSchema.class).length;
                counts.put(name, declared);
                if (declared > ALLOWED_ABOVE_MAX.getOrDefault(name, MAX)) {
                    tooMany.add(name + ": " + declared);
                }
            }
        }
        // An exception that is no longer needed (or names no operation) goes, so that the rule tightens again.
        ALLOWED_ABOVE_MAX.keySet().forEach(name -> assertTrue(counts.getOrDefault(name, 0) > MAX,
                name + " no longer needs its exception in ALLOWED_ABOVE_MAX"));
        assertEquals(List.of(), tooMany, "operations with more than " + MAX + " @APIResponse; move the shared ones "
                + "to the class or to SharedResponses");
    }

    /** A resource method: annotated with @GET, @POST... (their annotations carry @HttpMethod). */
    private static boolean isOperation(Method method) {
        return Arrays.stream(method.getAnnotations()).anyMatch(a -> a.annotationType().isAnnotationPresent(HttpMethod.class));
    }

    /** The classes under io.lede with a @Path, from the compiled classes directory. */
    private static List<Class<?>> resourceClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        // Where the application's classes are (not the tests'): a directory when tests run.
        Path base = Path.of(LedeApiDefinition.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> resources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(base.resolve("io/lede"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                String name = base.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".")
                        .replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, ResponsesPerOperationTest.class.getClassLoader());
                if (type.isAnnotationPresent(jakarta.ws.rs.Path.class)) {
                    resources.add(type);
                }
            }
        }
        return resources;
    }
}
