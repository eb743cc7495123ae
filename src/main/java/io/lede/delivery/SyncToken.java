package io.lede.delivery;

import java.time.Instant;
import java.util.UUID;

/**
 * Where a client is in the change feed. {@code initial} tokens belong to a first, full pass that
 * began at {@code start}: it sends every published article, and only the removals that happen
 * during the pass. After it, tokens are deltas: everything after ({@code at}, {@code id}).
 */
public record SyncToken(boolean initial, Instant start, Instant at, UUID id) {

    static final UUID LOWEST = new UUID(0, 0);

    static SyncToken beginning(Instant now) {
        return new SyncToken(true, now, Instant.EPOCH, LOWEST);
    }

    SyncToken after(Instant time, UUID rowId) {
        return new SyncToken(initial, start, time, rowId);
    }

    SyncToken delta(Instant time, UUID rowId) {
        return new SyncToken(false, null, time, rowId);
    }

    /** The oldest moment the token depends on: tombstones from then on must still exist. */
    Instant dependsOn() {
        return initial ? start : at;
    }
}
