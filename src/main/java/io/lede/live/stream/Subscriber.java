package io.lede.live.stream;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.ws.rs.sse.OutboundSseEvent;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.subscription.MultiEmitter;
import io.vertx.core.Context;

/**
 * One open stream of {@link LiveHub}. Everything but {@link #run} happens on its connection's event
 * loop. Events are emitted only as far as the connection asks for them ({@link MultiEmitter#requested}):
 * nothing is queued for a client that does not read, its cursor simply stays where it is, and once
 * it has taken nothing for {@code lede.live.stall-timeout} it is let go (it reconnects with
 * Last-Event-ID and catches up from the database).
 */
final class Subscriber {

    /** Ends a stream whose client has stopped reading. */
    static final class Stalled extends RuntimeException {
        Stalled() {
            super("the client took nothing for too long", null, false, false);
        }
    }

    final LiveHub hub;
    final String stream;
    final LiveHub.Viewer viewer;
    final MultiEmitter<? super OutboundSseEvent> emitter;
    final Context context;
    final LiveEvents.Start start;
    final AtomicBoolean joined = new AtomicBoolean();
    long lastSent;
    boolean replaying;
    boolean finished;
    /** When the client last took something (System.nanoTime). */
    long lastProgress = System.nanoTime();

    Subscriber(LiveHub hub, String stream, LiveHub.Viewer viewer, MultiEmitter<? super OutboundSseEvent> emitter, Context context,
            LiveEvents.Start start) {
        this.hub = hub;
        this.stream = stream;
        this.viewer = viewer;
        this.emitter = emitter;
        this.context = context;
        this.start = start;
        this.lastSent = start.after();
    }

    void run(Runnable action) {
        if (context != null) {
            context.runOnContext(ignored -> action.run());
        } else {
            synchronized (this) {
                action.run();
            }
        }
    }

    /** The opening lines, then whatever lies after the cursor; from then on, more as the client asks. */
    void open() {
        if (emitter.isCancelled()) {
            return;
        }
        // In this order: nothing is sent before the opening lines (two small items, buffered until asked for).
        emitter.emit(hub.sse.newEventBuilder().comment("lede " + stream).reconnectDelay(hub.config.retry().toMillis()).build());
        if (start.reset()) {
            emitter.emit(StreamEvents.reset(hub.sse, start.after()));
        }
        hub.join(this, start.latest());
        emitter.onRequest(more -> run(this::catchUp));
        catchUp();
        // The stream may have advanced between reading where to start and joining: look again.
        hub.wake(stream);
    }

    void end() {
        run(() -> {
            finished = true;
            emitter.complete();
        });
    }

    /** Sends what lies after the cursor, as far as the client asks: from the window, or from the database when behind it. */
    void catchUp() {
        LiveHub.Channel channel = hub.channel(stream);
        if (replaying || finished || emitter.isCancelled() || channel == null) {
            return;
        }
        Window window = channel.window;
        if (lastSent >= window.last()) {
            return;
        }
        if (lastSent < window.base()) {
            replay();
            return;
        }
        for (LiveEvent event : window.events()) {
            if (event.seq() > lastSent && !deliver(event)) {
                return;
            }
        }
    }

    /** A heartbeat comment when the client takes one; a client that took nothing for too long is let go. */
    void beat(OutboundSseEvent comment, long now) {
        if (finished || emitter.isCancelled()) {
            return;
        }
        if (emitter.requested() > 0) {
            emitter.emit(comment);
            lastProgress = now;
        } else if (now - lastProgress > hub.config.stallTimeout().toNanos()) {
            Log.debugf("Letting go of a stream of %s whose client stopped reading", stream);
            finished = true;
            emitter.fail(new Stalled());
        }
    }

    private void replay() {
        replaying = true;
        long from = lastSent;
        hub.replayer.execute(() -> {
            List<LiveEvent> page;
            try {
                page = hub.events.after(stream, from, LiveHub.PAGE, LiveHub.PAGE_CHARS);
            } catch (RuntimeException | OutOfMemoryError e) {
                Log.warnf("Could not replay stream %s to a subscriber: %s", stream, e);
                end();
                return;
            }
            run(() -> {
                replaying = false;
                for (LiveEvent event : page) {
                    if (!deliver(event)) {
                        // No demand (or the stream ended): the rest is read again when the client asks.
                        return;
                    }
                }
                if (page.isEmpty()) {
                    // What lay between the cursor and the window was pruned meanwhile: go on from the window.
                    LiveHub.Channel channel = hub.channel(stream);
                    lastSent = channel == null ? lastSent : Math.max(lastSent, channel.window.base());
                }
                catchUp();
            });
        });
    }

    /** Sends one event if the client may see it and asks for more; false when it was not (yet) sent. */
    private boolean deliver(LiveEvent event) {
        if (finished || emitter.isCancelled()) {
            return false;
        }
        if (viewer.editor() || event.visibleToPublic()) {
            if (emitter.requested() <= 0) {
                return false;
            }
            emitter.emit(event.sse(hub.sse));
            lastProgress = System.nanoTime();
        }
        lastSent = event.seq();
        if (event.endsStream()) {
            // Nothing follows an article's deletion: end the response rather than hold it open.
            finished = true;
            emitter.complete();
            return false;
        }
        return true;
    }
}
