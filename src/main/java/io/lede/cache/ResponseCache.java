package io.lede.cache;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.lede.error.HttpProblemRoutes;
import io.lede.http.CachePolicy;
import io.lede.http.Credentials;
import io.lede.http.PathTemplates;
import io.lede.http.Preconditions;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Published responses as the REST layer rendered them, answered again on the event loop without
 * touching the REST layer or the database: a story that goes viral is rendered once per change,
 * not once per reader.
 *
 * <p>Only published content is kept (what the REST layer marked {@code Cache-Control: public}, or
 * a partner's private copy of it, see {@link CachePolicy#PRIVATE_COPY}), keyed by everything the
 * bytes depend on: host, path and query, Accept and Accept-Language. Anonymous readers are
 * answered before authentication; partners (reader tokens) after their rate limit, from the same
 * entries, as a private copy: before authentication too when their token is known from memory.
 *
 * <p>Each entry keeps its surrogate keys (its {@code Surrogate-Key} header) and the content
 * generation it is known valid at. A committed change evicts the entries whose keys it touches,
 * and an entry is revalidated against the changes remembered by {@link ContentChanges} before it
 * is served, so a response rendered from rows read before a commit can never be served after it.
 * Editing one article leaves every other article's entry in place.
 *
 * <p>Concurrent misses of one entry render once: the first request renders, the others wait for
 * its entry without holding the event loop, and go to the REST layer themselves if it fails, is
 * not cacheable or takes longer than {@link #WAIT_MILLIS}. Conditional requests are answered by
 * {@link Preconditions}, as the REST layer answers them. Memory is bounded by
 * {@code lede.response-cache.max-bytes}.
 */
@ApplicationScoped
public class ResponseCache {

    /** After the rate limit of anonymous callers, so hits are counted too. */
    public static final int ROUTE_ORDER = Integer.MIN_VALUE + 4;
    /** Partners not known from memory: after authentication (Quarkus: -200) and their rate limit (RateLimitFilter). */
    public static final int PARTNER_ROUTE_ORDER = -50;
    /** Put by the partners' rate limit on a request it let through: a reader token, public content only. */
    public static final String PARTNER = "lede.response-cache.partner";
    /** Says whether a response came from the cache ({@code hit}) or was rendered for it ({@code miss}). */
    public static final String X_CACHE = "X-Cache";
    /** How long a request waits for another request's render of the same entry before rendering itself. */
    static final long WAIT_MILLIS = 2000;

    static final String KEY = "lede.response-cache.key";
    static final String CONSULTED = "lede.response-cache.consulted";
    static final String STARTED = "lede.response-cache.started";
    static final String FLIGHT = "lede.response-cache.flight";

    private static final int ENTRY_OVERHEAD = 512;

    private final ContentChanges changes;
    private final HttpProblemRoutes problems;
    private final boolean enabled;
    /** Larger bodies (original images) would push out many small ones; they are not kept. */
    private final long largestEntry;
    private final Cache<String, CachedResponse> entries;
    private final ConcurrentHashMap<String, RenderFlight> flights = new ConcurrentHashMap<>();
    private final Counter hits;
    private final Counter misses;
    private final Counter joined;

    public ResponseCache(ContentChanges changes, HttpProblemRoutes problems, CacheConfig config, MeterRegistry registry) {
        this.changes = changes;
        this.problems = problems;
        this.enabled = config.responseCache().enabled();
        this.largestEntry = config.responseCache().maxBytes() / 16;
        this.entries = Caffeine.newBuilder()
                .maximumWeight(config.responseCache().maxBytes())
                .<String, CachedResponse> weigher((key, entry) -> key.length() * 2 + entry.body().length + ENTRY_OVERHEAD)
                .build();
        this.hits = Counter.builder("lede.response.cache").tag("result", "hit")
                .description("Reads answered from the response cache").register(registry);
        this.misses = Counter.builder("lede.response.cache").tag("result", "miss")
                .description("Reads of cacheable content the REST layer had to render").register(registry);
        this.joined = Counter.builder("lede.response.cache").tag("result", "joined")
                .description("Reads that waited for another request's render of the same entry and were answered from it")
                .register(registry);
    }

    void install(@Observes Router router) {
        if (enabled) {
            router.route("/v1/*").order(ROUTE_ORDER).handler(this::serveAnonymous);
            router.route("/v1/*").order(PARTNER_ROUTE_ORDER).handler(this::servePartner);
        }
    }

    /** Evicts what a change touched (everything when its keys are unknown); the rest stays. */
    void evict(@Observes ContentChanged change) {
        if (change.everything()) {
            entries.invalidateAll();
        } else {
            entries.asMap().values().removeIf(entry -> change.touches(entry.keys()));
        }
    }

    /** Anonymous readers, and partners whose token the rate limit already knew from memory. */
    private void serveAnonymous(RoutingContext context) {
        if (!Credentials.present(context.request())) {
            answer(context, false);
        } else if (Boolean.TRUE.equals(context.get(PARTNER))) {
            answer(context, true);
        } else {
            context.next();
        }
    }

    /** Partners known only once authenticated. */
    private void servePartner(RoutingContext context) {
        if (Boolean.TRUE.equals(context.get(PARTNER)) && context.get(CONSULTED) == null) {
            answer(context, true);
        } else {
            context.next();
        }
    }

    private void answer(RoutingContext context, boolean partner) {
        context.put(CONSULTED, Boolean.TRUE);
        HttpServerRequest request = context.request();
        boolean get = request.method() == HttpMethod.GET;
        if (!get && request.method() != HttpMethod.HEAD || !changes.isShared() || CachedRequests.isEventStream(request)) {
            context.next();
            return;
        }
        String key = CachedRequests.key(request);
        CachedResponse entry = entries.getIfPresent(key);
        if (entry != null) {
            if (valid(entry)) {
                hits.increment();
                send(context, entry, partner);
                return;
            }
            entries.asMap().remove(key, entry);
        }
        if (!get) {
            context.next();
            return;
        }
        long started = changes.generation();
        RenderFlight flight = new RenderFlight();
        RenderFlight leader = flights.putIfAbsent(key, flight);
        if (leader != null) {
            join(context, leader, partner);
            return;
        }
        misses.increment();
        context.put(KEY, key);
        context.put(STARTED, started);
        context.put(FLIGHT, flight);
        // Whatever happens to this request (an error, a closed connection), the waiters are let go.
        context.addEndHandler(ended -> land(key, flight, null));
        context.next();
    }

    /** Waits for the render under way, off the event loop's back; renders itself if that comes to nothing. */
    private void join(RoutingContext context, RenderFlight leader, boolean partner) {
        Context here = Vertx.currentContext();
        Vertx vertx = context.vertx();
        AtomicBoolean settled = new AtomicBoolean();
        long timer = vertx.setTimer(WAIT_MILLIS, fired -> {
            if (settled.compareAndSet(false, true)) {
                misses.increment();
                context.next();
            }
        });
        leader.await(entry -> {
            Runnable answer = () -> {
                if (!settled.compareAndSet(false, true)) {
                    return;
                }
                vertx.cancelTimer(timer);
                if (entry != null && valid(entry)) {
                    joined.increment();
                    send(context, entry, partner);
                } else {
                    misses.increment();
                    context.next();
                }
            };
            if (here == null || Vertx.currentContext() == here) {
                answer.run();
            } else {
                here.runOnContext(ignored -> answer.run());
            }
        });
    }

    private void land(String key, RenderFlight flight, CachedResponse entry) {
        flights.remove(key, flight);
        flight.land(entry);
    }

    /** Whether nothing the entry shows changed since it was last known valid; moves that mark on. */
    private boolean valid(CachedResponse entry) {
        long now = changes.revalidate(entry.checked(), entry.keys());
        if (now < 0) {
            return false;
        }
        entry.checked(now);
        return true;
    }

    /**
     * Keeps a response the REST layer rendered for a read that missed, if it is published content
     * (public, or a partner's private copy), carries its keys and nothing it shows changed while it
     * was rendered; hands it to the requests that waited for it.
     */
    public void offer(RoutingContext context, ContainerResponseContext response) {
        String shareable = (String) response.getHeaders().getFirst(CachePolicy.SHAREABLE_HEADER);
        response.getHeaders().remove(CachePolicy.SHAREABLE_HEADER);
        String key = context.get(KEY);
        if (key == null) {
            return;
        }
        RenderFlight flight = context.get(FLIGHT);
        response.getHeaders().putSingle(X_CACHE, "miss");
        CachedResponse entry = storable(context, response, shareable);
        if (entry != null) {
            entries.put(key, entry);
        }
        land(key, flight, entry);
    }

    private CachedResponse storable(RoutingContext context, ContainerResponseContext response, String shareable) {
        Long started = context.get(STARTED);
        String etag = response.getHeaderString(HttpHeaders.ETAG);
        String cacheControl = response.getHeaderString(HttpHeaders.CACHE_CONTROL);
        if (started == null || response.getStatus() != 200 || etag == null || cacheControl == null
                || !(response.getEntity() instanceof byte[] body) || body.length > largestEntry) {
            return null;
        }
        String publicCacheControl = cacheControl.startsWith("public") ? cacheControl : shareable;
        Set<String> keys = SurrogateKeys.parse(response.getHeaderString(SurrogateKeys.HEADER));
        // Without keys no write could ever evict it: such a response is not kept.
        if (publicCacheControl == null || keys.isEmpty()) {
            return null;
        }
        long checked = changes.revalidate(started, keys);
        if (checked < 0) {
            return null;
        }
        return CachedResponse.of(body, etag, Set.copyOf(keys), PathTemplates.get(context.request()), publicCacheControl,
                response.getStringHeaders(), checked);
    }

    private void send(RoutingContext context, CachedResponse entry, boolean partner) {
        HttpServerRequest request = context.request();
        if (entry.pathTemplate() != null) {
            // Metrics count a hit under its endpoint's template, as the REST layer would: bounded tags.
            PathTemplates.set(request, entry.pathTemplate());
        }
        Preconditions.Outcome outcome = Preconditions.evaluate(request.method().name(),
                request.getHeader(HttpHeaders.IF_MATCH), request.getHeader(HttpHeaders.IF_NONE_MATCH), entry.etag());
        HttpServerResponse response = context.response();
        response.headers().set(X_CACHE, "hit");
        if (outcome == Preconditions.Outcome.FAILED) {
            problems.send(context, Preconditions.failed());
            return;
        }
        boolean notModified = outcome == Preconditions.Outcome.NOT_MODIFIED;
        for (String[] header : entry.headers(partner, notModified)) {
            response.headers().add(header[0], header[1]);
        }
        if (notModified) {
            response.setStatusCode(304).end();
        } else if (request.method() == HttpMethod.GET) {
            response.setStatusCode(200).end(Buffer.buffer(entry.body()));
        } else {
            response.setStatusCode(200).putHeader(HttpHeaders.CONTENT_LENGTH, Integer.toString(entry.body().length)).end();
        }
    }
}
