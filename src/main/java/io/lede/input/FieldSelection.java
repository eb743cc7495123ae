package io.lede.input;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A parsed {@code fields=} parameter: which top-level fields of an item to return. Unknown field
 * names are a 400 that lists the accepted ones, so a typo is never silently ignored. The id is
 * always returned: a sparse item is still an item a client can address (and the document's sparse
 * schemas require it).
 */
public final class FieldSelection {

    public static final FieldSelection ALL = new FieldSelection(Set.of());

    private static final String ID = "id";

    private final Set<String> fields;

    private FieldSelection(Set<String> fields) {
        this.fields = fields;
    }

    public static FieldSelection parse(String raw, Set<String> allowed) {
        Set<String> fields = NameList.parse(raw, "fields", allowed);
        if (fields.isEmpty()) {
            return ALL;
        }
        Set<String> withId = new LinkedHashSet<>(fields);
        if (allowed.contains(ID)) {
            withId.add(ID);
        }
        return new FieldSelection(Set.copyOf(withId));
    }

    /** The names {@code fields=} accepts for a response record: its components that are sent, in order. */
    public static Set<String> namesOf(Class<? extends Record> view) {
        return Arrays.stream(view.getRecordComponents())
                .filter(component -> !component.getAccessor().isAnnotationPresent(JsonIgnore.class))
                .map(RecordComponent::getName)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    public boolean isAll() {
        return fields.isEmpty();
    }

    public Set<String> fields() {
        return fields;
    }
}
