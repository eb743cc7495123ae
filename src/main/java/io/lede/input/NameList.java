package io.lede.input;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

import io.lede.error.ProblemException;

/** A comma-separated list of names in a query parameter, checked against the accepted ones. */
final class NameList {

    /** More names than any endpoint has is an attack or a bug, not a request. */
    static final int MAX_NAMES = ParameterLimits.MAX_LIST_ITEMS;

    private NameList() {
    }

    /** The names in {@code raw} (empty when absent); an unknown name is a 400 listing the accepted ones. */
    static Set<String> parse(String raw, String parameter, Set<String> accepted) {
        if (raw == null || raw.isBlank()) {
            return Set.of();
        }
        String[] parts = raw.split(",", MAX_NAMES + 2);
        if (parts.length > MAX_NAMES) {
            throw ProblemException.invalid(parameter, "at most " + MAX_NAMES + " names");
        }
        Set<String> requested = Arrays.stream(parts).map(String::trim).filter(name -> !name.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        Set<String> unknown = requested.stream().filter(name -> !accepted.contains(name))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (!unknown.isEmpty()) {
            throw ProblemException.invalid(parameter, "unknown name(s) " + String.join(", ", unknown)
                    + "; accepted: " + String.join(", ", accepted));
        }
        return Set.copyOf(requested);
    }
}
