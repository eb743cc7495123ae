package io.lede.cache;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.vertx.core.Context;

/**
 * Purges the edge (Varnish with xkey, see {@code docker/varnish/default.vcl}, or any CDN that
 * purges by surrogate key over HTTP) after every write committed on this replica: one request per
 * target ({@code lede.purge.urls}) with the changed keys in {@code lede.purge.header}, {@code all}
 * when the keys are unknown. Other replicas' writes are purged by those replicas.
 *
 * <p>Purges are sent by one thread of their own, which merges the keys of writes that come while a
 * purge is under way into the next one, so a burst of writes costs a few requests, and the pending
 * keys are bounded (past {@link #MAX_PENDING_KEYS} they become {@code all}). The writer waits for
 * its purge, at most {@code lede.purge.timeout}, so that once its response returns no read through
 * the edge gets the old version; a purge that fails or times out is logged and the write answered
 * anyway (the edge's copy then ages out by its {@code max-age}).
 */
@ApplicationScoped
public class EdgePurger {

    /** After the other replicas were told (ContentChangeBroadcaster) and this one evicted. */
    static final int ORDER = 5000;
    static final String ALL = "all";
    static final int MAX_PENDING_KEYS = 10_000;
    /** Keys per request, so that the header stays well below edges' header size limits (8 KiB in Varnish). */
    static final int MAX_HEADER_CHARS = 4000;
    /** Keys that name nothing an edge keeps. */
    private static final String NOT_AT_THE_EDGE = "token-";

    /** The keys of the next purge, and the future its writers wait for. */
    private static final class Batch {
        final Set<String> keys = new LinkedHashSet<>();
        boolean everything;
        final CompletableFuture<Void> sent = new CompletableFuture<>();
    }

    private final boolean enabled;
    private final List<URI> targets;
    private final String method;
    private final String header;
    private final Duration timeout;
    private final HttpClient http;
    private final Counter purged;
    private final Counter failed;
    private Batch next;
    private volatile boolean running = true;
    private Thread sender;

    public EdgePurger(CacheConfig config, MeterRegistry registry) {
        CacheConfig.Purge purge = config.purge();
        this.targets = purge.urls().orElse(List.of());
        this.enabled = purge.enabled() && !targets.isEmpty();
        this.method = purge.method();
        this.header = purge.header();
        this.timeout = purge.timeout();
        this.http = enabled ? HttpClient.newBuilder().connectTimeout(timeout).build() : null;
        this.purged = Counter.builder("lede.edge.purges").tag("result", "sent")
                .description("Purge requests the edge accepted").register(registry);
        this.failed = Counter.builder("lede.edge.purges").tag("result", "failed")
                .description("Purge requests that failed or timed out").register(registry);
        if (enabled) {
            Log.infof("Purging the edge after every write: %s %s with %s", method, targets, header);
        }
    }

    /** After a local commit: purge what it changed, and wait (bounded) for the edge to confirm. */
    void purge(@Observes @Priority(ORDER) ContentChanged change) {
        if (!enabled || !change.local()) {
            return;
        }
        Set<String> keys = new LinkedHashSet<>();
        change.keys().stream().filter(key -> !key.startsWith(NOT_AT_THE_EDGE)).forEach(keys::add);
        if (!change.everything() && keys.isEmpty()) {
            return;
        }
        CompletableFuture<Void> sent = submit(keys, change.everything());
        if (Context.isOnEventLoopThread()) {
            // Never block an event loop; a write is committed on a worker thread anyway.
            return;
        }
        try {
            sent.get(timeout.toMillis() * 2, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            Log.warnf("The edge did not confirm a purge within %s; the write is answered anyway", timeout.multipliedBy(2));
        } catch (ExecutionException e) {
            // Logged by the sender.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized CompletableFuture<Void> submit(Set<String> keys, boolean everything) {
        if (sender == null) {
            sender = new Thread(this::send, "lede-edge-purge");
            sender.setDaemon(true);
            sender.start();
        }
        if (next == null) {
            next = new Batch();
        }
        next.everything |= everything || next.keys.size() + keys.size() > MAX_PENDING_KEYS;
        if (!next.everything) {
            next.keys.addAll(keys);
        }
        notifyAll();
        return next.sent;
    }

    private synchronized Batch take() throws InterruptedException {
        while (next == null && running) {
            wait();
        }
        Batch batch = next;
        next = null;
        return batch;
    }

    private void send() {
        while (running) {
            Batch batch;
            try {
                batch = take();
            } catch (InterruptedException e) {
                return;
            }
            if (batch == null) {
                return;
            }
            List<CompletableFuture<Boolean>> requests = new ArrayList<>();
            for (URI target : targets) {
                for (String value : headerValues(batch.keys, batch.everything)) {
                    requests.add(send(target, value));
                }
            }
            boolean ok = requests.stream().allMatch(CompletableFuture::join);
            if (ok) {
                batch.sent.complete(null);
            } else {
                batch.sent.completeExceptionally(new IllegalStateException("purge failed"));
            }
        }
    }

    private CompletableFuture<Boolean> send(URI target, String keys) {
        HttpRequest request = HttpRequest.newBuilder(target).timeout(timeout)
                .header(header, keys).method(method, HttpRequest.BodyPublishers.noBody()).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((response, failure) -> {
            if (failure == null && response.statusCode() < 300) {
                purged.increment();
                return true;
            }
            failed.increment();
            Log.warnf("Purging %d key(s) at %s failed: %s", keys.split(" ").length, target,
                    failure != null ? failure.toString() : "status " + response.statusCode());
            return false;
        });
    }

    /** Keys as header values of bounded length; {@code all} for everything. */
    static List<String> headerValues(Set<String> keys, boolean everything) {
        if (everything) {
            return List.of(ALL);
        }
        List<String> values = new ArrayList<>();
        StringBuilder value = new StringBuilder();
        for (String key : keys) {
            if (value.length() > 0 && value.length() + 1 + key.length() > MAX_HEADER_CHARS) {
                values.add(value.toString());
                value.setLength(0);
            }
            if (value.length() > 0) {
                value.append(' ');
            }
            value.append(key);
        }
        if (value.length() > 0) {
            values.add(value.toString());
        }
        return values;
    }

    void stop(@Observes ShutdownEvent event) {
        synchronized (this) {
            running = false;
            notifyAll();
        }
    }
}
