package io.lede.input;

import java.util.Set;

/** A parsed {@code include=} parameter: which referenced objects to inline instead of their ids. */
public record Includes(Set<String> names) {

    public static final Includes NONE = new Includes(Set.of());

    public static Includes parse(String raw, Set<String> allowed) {
        Set<String> names = NameList.parse(raw, "include", allowed);
        return names.isEmpty() ? NONE : new Includes(names);
    }

    public boolean has(String name) {
        return names.contains(name);
    }
}
