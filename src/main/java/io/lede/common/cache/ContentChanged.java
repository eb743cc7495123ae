package io.lede.common.cache;

/**
 * Published content may have changed: a write committed here ({@code local}), or another replica
 * said one committed there. Observers drop whatever they derived from the old content.
 */
public record ContentChanged(long version, boolean local) {
}
