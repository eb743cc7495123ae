package io.lede.live.stream;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Holds the open streams of this replica and fans events out to them, without a thread per
 * connection: each subscriber is a Mutiny emitter written to on its connection's Vert.x event loop.
 *
 * <p>Delivery follows a cursor, not a queue. Each subscriber remembers the last event id it was
 * sent; each stream keeps a window of its latest events in memory, loaded once per replica when
 * the stream advances ({@link StreamAdvanced}), and shared by all its subscribers. A subscriber is
 * sent whatever of the window lies after its cursor, or, when it is behind the window (it
 * reconnected with an old Last-Event-ID, or read slowly), reads the rest from the database first.
 * So nothing is lost or repeated whatever the order in which notifications, reconnections and
 * replays meet, and a missed notification only delays delivery until the next one.
 */
@ApplicationScoped
public class LiveHub {

    /** Events of one stream kept in memory for its subscribers. */
    static final int WINDOW = 256;
    /** Events read from the database at a time, to fill the window or to replay. */
    static final int PAGE = 200;

    /** One stream's subscribers on this replica, and its window. */
    final class Channel {
        final String stream;
        final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
        volatile Window window;

        Channel(String stream, long latest) {
            this.stream = stream;
            this.window = new Window(latest, latest, List.of());
        }
    }

    private final LiveEvents events;
    private final LiveConfig config;
    private final Vertx vertx;
    private final ConcurrentHashMap<String, Channel> channels = new ConcurrentHashMap<>();
    /** Streams waiting to be read again; a burst of notifications for one stream costs one read. */
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    /** Reads new events for the windows, one stream after another. */
    private final ExecutorService loader = Executors.newSingleThreadExecutor(DaemonThreads.named("lede-live-loader"));
    /** Replays to subscribers behind their window, so that a long replay does not hold up live events. */
    private final ExecutorService replayer = Executors.newFixedThreadPool(2, DaemonThreads.named("lede-live-replay"));
    private final AtomicInteger open = new AtomicInteger();
    private volatile Sse sse;
    private long heartbeatTimer = -1;

    public LiveHub(LiveEvents events, LiveConfig config, Vertx vertx, MeterRegistry registry) {
        this.events = events;
        this.config = config;
        this.vertx = vertx;
        Gauge.builder("lede.live.subscribers", open, AtomicInteger::get)
                .description("Event streams open on this replica").register(registry);
    }

    void start(@Observes StartupEvent event) {
        heartbeatTimer = vertx.setPeriodic(config.heartbeat().toMillis(), tick -> heartbeat());
    }

    /**
     * Streams end as soon as the service is asked to stop, before the HTTP server waits for open
     * requests to finish: a stream never finishes by itself, so waiting for it would hold every
     * stop for the whole shutdown timeout and then log an error. Clients reconnect to another
     * replica with Last-Event-ID and miss nothing.
     */
    void draining(@Observes ShutdownDelayInitiatedEvent event) {
        endAll();
    }

    void stop(@Observes ShutdownEvent event) {
        endAll();
        loader.shutdownNow();
        replayer.shutdownNow();
    }

    private void endAll() {
        if (heartbeatTimer >= 0) {
            vertx.cancelTimer(heartbeatTimer);
            heartbeatTimer = -1;
        }
        channels.values().forEach(channel -> channel.subscribers.forEach(Subscriber::end));
    }

    public int subscribers() {
        return open.get();
    }

    /**
     * The events of {@code stream} after {@code start}, then every new one as it comes, with a
     * comment line every heartbeat; a reset event first when the start is a reset.
     *
     * @param editor whether events that are not public (a draft's entries) are sent too
     */
    public Multi<OutboundSseEvent> subscribe(String stream, LiveEvents.Start start, boolean editor, Sse sse) {
        this.sse = sse;
        Multi<OutboundSseEvent> multi = Multi.createFrom().emitter(emitter -> {
            Subscriber subscriber = new Subscriber(stream, editor, emitter, Vertx.currentContext(), start.after());
            // In this order on the connection's event loop: nothing is sent before the opening lines.
            subscriber.run(() -> {
                if (emitter.isCancelled()) {
                    return;
                }
                emitter.emit(sse.newEventBuilder().comment("lede " + stream).reconnectDelay(config.retry().toMillis()).build());
                if (start.reset()) {
                    emitter.emit(reset(start.after()));
                }
                join(subscriber, start.latest());
                emitter.onTermination(() -> leave(subscriber));
                subscriber.catchUp();
                // The stream may have advanced between reading where to start and joining: look again.
                wake(stream);
            });
        });
        // A client that reads slower than events come is let go rather than buffered without bound.
        return multi.onOverflow().buffer(config.maxQueuedEvents()).onFailure().recoverWithCompletion();
    }

    private OutboundSseEvent reset(long latest) {
        return sse.newEventBuilder().id(Long.toString(latest)).name("reset")
                .data(String.class, "{\"reason\":\"The events after your Last-Event-ID are no longer kept: reload, then listen on\"}")
                .build();
    }

    void advanced(@Observes StreamAdvanced advanced) {
        if (advanced.stream() == null) {
            channels.keySet().forEach(this::wake);
        } else {
            wake(advanced.stream());
        }
    }

    /** Reads a stream's new events into its window and tells its subscribers (nothing when nobody here listens). */
    void wake(String stream) {
        if (!channels.containsKey(stream) || !pending.add(stream)) {
            return;
        }
        loader.execute(() -> {
            pending.remove(stream);
            try {
                load(stream);
            } catch (RuntimeException e) {
                Log.warnf("Could not read the new events of stream %s: %s", stream, e.getMessage());
            }
        });
    }

    private void load(String stream) {
        Channel channel = channels.get(stream);
        if (channel == null) {
            return;
        }
        List<LiveEvent> fresh;
        do {
            Window window = channel.window;
            fresh = events.after(stream, window.last(), PAGE);
            channel.window = window.append(fresh);
        } while (fresh.size() == PAGE);
        channel.subscribers.forEach(subscriber -> subscriber.run(subscriber::catchUp));
    }

    private void join(Subscriber subscriber, long latest) {
        channels.compute(subscriber.stream, (stream, channel) -> {
            Channel joined = channel != null ? channel : new Channel(stream, latest);
            joined.subscribers.add(subscriber);
            return joined;
        });
        subscriber.joined.set(true);
        open.incrementAndGet();
    }

    private void leave(Subscriber subscriber) {
        if (!subscriber.joined.compareAndSet(true, false)) {
            return;
        }
        channels.computeIfPresent(subscriber.stream, (stream, channel) -> {
            channel.subscribers.remove(subscriber);
            return channel.subscribers.isEmpty() ? null : channel;
        });
        open.decrementAndGet();
    }

    private void heartbeat() {
        Sse events = sse;
        if (events == null) {
            return;
        }
        OutboundSseEvent comment = events.newEventBuilder().comment("heartbeat").build();
        channels.values().forEach(channel -> channel.subscribers.forEach(subscriber -> subscriber.run(() -> subscriber.send(comment))));
    }

    /** One open stream; everything but {@link #run} happens on its connection's event loop. */
    final class Subscriber {
        final String stream;
        final boolean editor;
        final MultiEmitter<? super OutboundSseEvent> emitter;
        final Context context;
        final AtomicBoolean joined = new AtomicBoolean();
        long lastSent;
        boolean replaying;
        boolean finished;

        Subscriber(String stream, boolean editor, MultiEmitter<? super OutboundSseEvent> emitter, Context context, long after) {
            this.stream = stream;
            this.editor = editor;
            this.emitter = emitter;
            this.context = context;
            this.lastSent = after;
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

        void send(OutboundSseEvent event) {
            if (!emitter.isCancelled()) {
                emitter.emit(event);
            }
        }

        void end() {
            run(emitter::complete);
        }

        /** Sends what lies after the cursor: from the window, or from the database when behind it. */
        void catchUp() {
            Channel channel = channels.get(stream);
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
                if (event.seq() > lastSent) {
                    deliver(event);
                }
            }
        }

        private void replay() {
            replaying = true;
            long from = lastSent;
            replayer.execute(() -> {
                List<LiveEvent> page;
                try {
                    page = events.after(stream, from, PAGE);
                } catch (RuntimeException e) {
                    Log.warnf("Could not replay stream %s to a subscriber: %s", stream, e.getMessage());
                    end();
                    return;
                }
                run(() -> {
                    replaying = false;
                    page.forEach(this::deliver);
                    if (finished) {
                        return;
                    }
                    if (page.isEmpty()) {
                        // What lay between the cursor and the window was pruned meanwhile: go on from the window.
                        Channel channel = channels.get(stream);
                        lastSent = channel == null ? lastSent : Math.max(lastSent, channel.window.base());
                    }
                    catchUp();
                });
            });
        }

        private void deliver(LiveEvent event) {
            if (finished) {
                return;
            }
            if (editor || event.visibleToPublic()) {
                send(event.sse(sse));
            }
            lastSent = event.seq();
            if (event.endsStream()) {
                // Nothing follows an article's deletion: end the response rather than hold it open.
                finished = true;
                emitter.complete();
            }
        }
    }
}
