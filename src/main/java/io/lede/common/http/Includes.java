package io.lede.common.http;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

import io.lede.common.error.ProblemException;

/** A parsed {@code include=} parameter: which referenced objects to inline instead of their ids. */
public record Includes(Set<String> names) {

    public static final Includes NONE = new Includes(Set.of());

    public static Includes parse(String raw, Set<String> allowed) {
        if (raw == null || raw.isBlank()) {
            return NONE;
        }
        Set<String> requested = Arrays.stream(raw.split(",")).map(String::trim).filter(name -> !name.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        Set<String> unknown = requested.stream().filter(name -> !allowed.contains(name))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (!unknown.isEmpty()) {
            throw ProblemException.invalid("include", "unknown value(s) " + String.join(", ", unknown)
                    + "; accepted: " + String.join(", ", allowed));
        }
        return new Includes(Set.copyOf(requested));
    }

    public boolean has(String name) {
        return names.contains(name);
    }
}
