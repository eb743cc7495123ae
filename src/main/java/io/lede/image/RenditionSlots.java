package io.lede.image;

import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Context;

/**
 * At most {@code lede.images.max-concurrent-renditions} renditions are generated at once: each holds
 * a decoded picture in memory and keeps a core busy, and any anonymous client can ask for new ones.
 * A new one waits up to {@code lede.images.rendition-wait} for a slot, then is refused with
 * {@link BusyException} (503 with Retry-After), so a burst costs the callers time, not the heap.
 */
@ApplicationScoped
public class RenditionSlots {

    /** No slot came free in time. */
    public static final class BusyException extends RuntimeException {
        BusyException() {
            super("All rendition slots are busy", null, false, false);
        }
    }

    private final Semaphore slots;
    private final long waitMillis;
    private final Counter refused;

    public RenditionSlots(ImageConfig config, MeterRegistry registry) {
        if (config.maxConcurrentRenditions() < 1) {
            throw new IllegalArgumentException("lede.images.max-concurrent-renditions must be at least 1");
        }
        this.slots = new Semaphore(config.maxConcurrentRenditions(), true);
        this.waitMillis = config.renditionWait().toMillis();
        this.refused = Counter.builder("lede.renditions.refused")
                .description("Renditions refused with 503 because every slot stayed busy").register(registry);
    }

    /** Runs the generator in a slot. */
    public byte[] run(RenditionCache.Generator generator) throws IOException {
        if (!acquire()) {
            refused.increment();
            throw new BusyException();
        }
        try {
            return generator.generate();
        } finally {
            slots.release();
        }
    }

    private boolean acquire() {
        // Renditions are generated on worker threads; should one ever run on the event loop, it must not wait there.
        if (Context.isOnEventLoopThread()) {
            return slots.tryAcquire();
        }
        try {
            return slots.tryAcquire(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
