package io.lede.cache;

import java.util.Set;

/**
 * Content changed: a write committed here ({@code local}), or another replica said one committed
 * there. {@code keys} are the surrogate keys of everything it changed, old state and new; with
 * {@code everything}, what changed is unknown (a bulk statement, a missed notification) and
 * whatever was derived from content is dropped.
 */
public record ContentChanged(Set<String> keys, boolean everything, boolean local) {

    public static ContentChanged everything(boolean local) {
        return new ContentChanged(Set.of(), true, local);
    }

    /** Whether something that depends on {@code dependencies} may be out of date now. */
    public boolean touches(Set<String> dependencies) {
        if (everything) {
            return true;
        }
        Set<String> smaller = keys.size() <= dependencies.size() ? keys : dependencies;
        Set<String> larger = smaller == keys ? dependencies : keys;
        for (String key : smaller) {
            if (larger.contains(key)) {
                return true;
            }
        }
        return false;
    }
}
