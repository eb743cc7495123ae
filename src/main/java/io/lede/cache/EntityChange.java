package io.lede.cache;

import java.util.Map;

/**
 * One write Hibernate executed, as a {@link ContentKeySource} sees it. {@code before} and
 * {@code after} map property names to values (associated entities by their id; collections are
 * left out): {@code before} is null for an insert, {@code after} null for a delete. For a change
 * to one of an entity's collections, {@code collection} names it and both maps hold the owner's
 * current state (a change of the owner's own properties comes as an update of its own).
 */
public record EntityChange(Kind kind, Class<?> entity, Object id, Map<String, Object> before, Map<String, Object> after,
        String collection) {

    public enum Kind {
        INSERT,
        UPDATE,
        DELETE,
        COLLECTION
    }

    public Object before(String property) {
        return before == null ? null : before.get(property);
    }

    public Object after(String property) {
        return after == null ? null : after.get(property);
    }
}
