package io.lede.db;

import java.util.List;
import java.util.StringJoiner;

import jakarta.persistence.Query;

/**
 * An {@code in} list of single-valued parameters, padded to the next power of two. Hibernate never
 * caches the translation of a query bound to a collection parameter ({@code in :ids}): it turns the
 * HQL into SQL again on every execution, which profiling found to be the largest single cost of a
 * list page. A query written with {@link #of} has one text per size class, so its translation is
 * cached; the padding repeats the last value, which changes nothing an {@code in} matches.
 */
public final class InList {

    private final String name;
    private final List<?> values;
    private final int slots;

    private InList(String name, List<?> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("An in list needs at least one value");
        }
        this.name = name;
        this.values = values;
        this.slots = Integer.highestOneBit(values.size()) == values.size()
                ? values.size()
                : Integer.highestOneBit(values.size()) << 1;
    }

    /** Parameters named {@code name0}, {@code name1}... for these values (at least one). */
    public static InList of(String name, List<?> values) {
        return new InList(name, values);
    }

    /** {@code (:name0, :name1, ...)}, to follow {@code in} in the query text. */
    public String placeholders() {
        StringJoiner joiner = new StringJoiner(", ", "(", ")");
        for (int i = 0; i < slots; i++) {
            joiner.add(":" + name + i);
        }
        return joiner.toString();
    }

    /** Binds every slot: the values, then the last value again. */
    public <Q extends Query> Q bind(Q query) {
        for (int i = 0; i < slots; i++) {
            query.setParameter(name + i, values.get(Math.min(i, values.size() - 1)));
        }
        return query;
    }
}
