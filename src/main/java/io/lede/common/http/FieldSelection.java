package io.lede.common.http;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

import io.lede.common.error.ProblemException;

/**
 * A parsed {@code fields=} parameter: which top-level fields of an item to return. Unknown field
 * names are a 400 that lists the accepted ones, so a typo is never silently ignored.
 */
public final class FieldSelection {

    public static final FieldSelection ALL = new FieldSelection(Set.of());

    private final Set<String> fields;

    private FieldSelection(Set<String> fields) {
        this.fields = fields;
    }

    public static FieldSelection parse(String raw, Set<String> allowed) {
        if (raw == null || raw.isBlank()) {
            return ALL;
        }
        Set<String> requested = Arrays.stream(raw.split(","))
                .map(String::trim)
                .filter(name -> !name.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        Set<String> unknown = requested.stream().filter(name -> !allowed.contains(name))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (!unknown.isEmpty()) {
            throw ProblemException.invalid("fields", "unknown field(s) " + String.join(", ", unknown)
                    + "; accepted: " + String.join(", ", allowed));
        }
        return requested.isEmpty() ? ALL : new FieldSelection(Set.copyOf(requested));
    }

    public boolean isAll() {
        return fields.isEmpty();
    }

    public Set<String> fields() {
        return fields;
    }
}
