package io.lede.delivery;

import java.time.Instant;
import java.util.UUID;

/**
 * Where a client is in the change feed. {@code initial} tokens belong to a first, full pass that
 * began at {@code start}: it sends every published article, and only the removals that happen
 * during the pass. After it, tokens are deltas: everything after ({@code at}, {@code id}). A token
 * keeps the language it was asked for, so a client syncing one language stays with it.
 */
public record SyncToken(boolean initial, Instant start, Instant at, UUID id, String language) {

    static final UUID LOWEST = new UUID(0, 0);

    /** A first pass over one language, or all of them when {@code language} is null. */
    static SyncToken beginning(Instant now, String language) {
        return new SyncToken(true, now, Instant.EPOCH, LOWEST, language);
    }

    SyncToken after(Instant time, UUID rowId) {
        return new SyncToken(initial, start, time, rowId, language);
    }

    SyncToken delta(Instant time, UUID rowId) {
        return new SyncToken(false, null, time, rowId, language);
    }

    /** The oldest moment the token depends on: tombstones from then on must still exist. */
    Instant dependsOn() {
        return initial ? start : at;
    }
}
