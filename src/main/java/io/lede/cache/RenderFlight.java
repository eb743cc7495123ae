package io.lede.cache;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** A render under way that other requests for the same {@link ResponseCache} entry wait for. */
final class RenderFlight {

    private final List<Consumer<CachedResponse>> waiters = new ArrayList<>();
    private boolean landed;
    private CachedResponse entry;

    /** Calls {@code waiter} with the entry (null: none) once the render is done. */
    void await(Consumer<CachedResponse> waiter) {
        synchronized (this) {
            if (!landed) {
                waiters.add(waiter);
                return;
            }
        }
        waiter.accept(entry);
    }

    void land(CachedResponse result) {
        List<Consumer<CachedResponse>> waiting;
        synchronized (this) {
            if (landed) {
                return;
            }
            landed = true;
            entry = result;
            waiting = List.copyOf(waiters);
            waiters.clear();
        }
        waiting.forEach(waiter -> waiter.accept(result));
    }
}
