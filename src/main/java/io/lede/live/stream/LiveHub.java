package io.lede.live.stream;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import io.lede.cache.ContentChanged;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.vertx.core.Vertx;

/**
 * Holds the open streams of this replica and fans events out to them, without a thread per
 * connection: each {@link Subscriber} is a Mutiny emitter written to on its connection's Vert.x
 * event loop.
 *
 * <p>Delivery follows a cursor, not a queue. Each subscriber remembers the last event id it was
 * sent; each stream keeps a window of its latest events in memory, loaded once per replica when
 * the stream advances ({@link StreamAdvanced}), and shared by all its subscribers. A subscriber is
 * sent whatever of the window lies after its cursor, as far as its connection asks for more, or,
 * when it is behind the window (it reconnected with an old Last-Event-ID, or read slowly), reads
 * the rest from the database first. So nothing is lost or repeated whatever the order in which
 * notifications, reconnections and replays meet, a missed notification only delays delivery until
 * the next one, and a slow client costs no memory: what it has not taken stays in the database.
 *
 * <p>Memory is bounded by size as well as count: entries can be large, so the window and every
 * read from the database stop at {@link #WINDOW_CHARS} and {@link #PAGE_CHARS} characters of event
 * data (always at least one event).
 */
@ApplicationScoped
public class LiveHub {

    /** Events of one stream kept in memory for its subscribers... */
    static final int WINDOW = 256;
    /** ...and at most this many characters of their data. */
    static final long WINDOW_CHARS = 2_000_000;
    /** Events read from the database at a time, to fill the window or to replay... */
    static final int PAGE = 200;
    /** ...and at most this many characters of their data. */
    static final long PAGE_CHARS = 1_000_000;

    /** One stream's subscribers on this replica, and its window. */
    static final class Channel {
        final String stream;
        final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
        volatile Window window;

        Channel(String stream, long latest) {
            this.stream = stream;
            this.window = new Window(latest, latest, List.of());
        }
    }

    final LiveEvents events;
    final LiveConfig config;
    private final Vertx vertx;
    private final ConcurrentHashMap<String, Channel> channels = new ConcurrentHashMap<>();
    /** Streams waiting to be read again; a burst of notifications for one stream costs one read. */
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    /** Reads new events for the windows, one stream after another. */
    private final ExecutorService loader = Executors.newSingleThreadExecutor(DaemonThreads.named("lede-live-loader"));
    /** Replays to subscribers behind their window, so that a long replay does not hold up live events. */
    final ExecutorService replayer = Executors.newFixedThreadPool(2, DaemonThreads.named("lede-live-replay"));
    private final AtomicInteger open = new AtomicInteger();
    volatile Sse sse;
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
     * @param viewer who reads: whether events that are not public (a draft's entries) are sent too,
     *        and the token whose revocation ends the stream
     */
    public Multi<OutboundSseEvent> subscribe(String stream, LiveEvents.Start start, Viewer viewer, Sse sse) {
        this.sse = sse;
        return Multi.createFrom().emitter(emitter -> {
            Subscriber subscriber = new Subscriber(this, stream, viewer, emitter, Vertx.currentContext(), start);
            emitter.onTermination(() -> leave(subscriber));
            subscriber.run(subscriber::open);
        });
    }

    /** Who reads a stream: an editor sees events that are not public; a token's revocation ends its streams. */
    public record Viewer(boolean editor, String tokenKey) {
    }

    Channel channel(String stream) {
        return channels.get(stream);
    }

    void advanced(@Observes StreamAdvanced advanced) {
        if (advanced.stream() == null) {
            channels.keySet().forEach(this::wake);
        } else {
            wake(advanced.stream());
        }
    }

    /** A revoked token's streams end at once, on every replica (the revocation's key reaches them all). */
    void revoked(@Observes ContentChanged change) {
        channels.values().forEach(channel -> channel.subscribers.forEach(subscriber -> {
            String key = subscriber.viewer.tokenKey();
            if (key != null && (change.everything() || change.keys().contains(key))) {
                subscriber.end();
            }
        }));
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
            } catch (RuntimeException | OutOfMemoryError e) {
                // The loader thread must outlive any one read, or no stream here would advance again.
                Log.warnf("Could not read the new events of stream %s: %s", stream, e);
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
            fresh = events.after(stream, window.last(), PAGE, PAGE_CHARS);
            channel.window = window.append(fresh, WINDOW, WINDOW_CHARS);
        } while (!fresh.isEmpty());
        channel.subscribers.forEach(subscriber -> subscriber.run(subscriber::catchUp));
    }

    void join(Subscriber subscriber, long latest) {
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

    /** A comment line for every stream that takes one; a client that has taken nothing for too long is let go. */
    private void heartbeat() {
        Sse events = sse;
        if (events == null) {
            return;
        }
        OutboundSseEvent comment = events.newEventBuilder().comment("heartbeat").build();
        long now = System.nanoTime();
        channels.values().forEach(channel -> channel.subscribers.forEach(subscriber -> subscriber.run(() -> subscriber.beat(comment, now))));
    }
}
