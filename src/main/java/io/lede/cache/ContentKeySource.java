package io.lede.cache;

import java.util.Set;

/**
 * Knows the surrogate keys a change to some entities invalidates. Each feature declares its own
 * (articles know which lists an article is on, quotes which speaker a quote counts for), so this
 * package never needs to know the features. A content entity without a source is a change of
 * unknown reach: everything derived is dropped.
 */
public interface ContentKeySource {

    /** The entity classes this source answers for. */
    Set<Class<?>> entities();

    /** Adds to {@code keys} what {@code change} invalidates: the keys of the old state and of the new. */
    void keys(EntityChange change, Set<String> keys);
}
