package io.lede.common.cache;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.lede.common.config.LedeConfig;
import io.lede.common.http.Credentials;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Published responses as they were sent to anonymous readers, answered again on the event loop
 * without touching the REST layer or the database: a story that goes viral is rendered once per
 * version, not once per reader.
 *
 * <p>Only what the REST layer marked {@code Cache-Control: public} is kept (published content read
 * without a token), keyed by everything the response depends on: host, path and query, Accept and
 * Accept-Language. Each entry carries the {@link ContentVersion} its request started at and is
 * served only while that is still the current version, so a committed write is seen by the next
 * read; entries are also dropped on every change to free their memory. {@code If-None-Match} is
 * answered with 304 from the stored ETag. Memory is bounded by {@code lede.response-cache.max-bytes}.
 */
@ApplicationScoped
public class ResponseCache {

    /** After the rate limit of anonymous callers, so hits are counted too. */
    public static final int ROUTE_ORDER = Integer.MIN_VALUE + 4;

    static final String KEY = "lede.response-cache.key";
    /**
     * Where Quarkus keeps the endpoint's path template (the request context's local data), which
     * the http_server_requests metric uses as its uri tag.
     */
    static final String PATH_TEMPLATE = "UrlPathTemplate";
    static final String VERSION = "lede.response-cache.version";

    /** Headers that belong to one exchange, not to the representation. */
    private static final Set<String> PER_EXCHANGE = Set.of("ratelimit", "ratelimit-policy", "set-cookie", "date",
            "content-length", "transfer-encoding", "content-encoding", "x-request-id");
    /** What a 304 repeats of the 200 it stands for (RFC 9110 15.4.5). */
    private static final Set<String> ON_NOT_MODIFIED = Set.of("etag", "cache-control", "vary", "content-location",
            "surrogate-key");
    private static final int ENTRY_OVERHEAD = 512;

    /** One stored response: the version it was rendered at, its body and its headers. */
    record Entry(long version, byte[] body, String etag, List<String[]> headers, List<String[]> notModifiedHeaders,
            String pathTemplate) {
    }

    private final ContentVersion version;
    private final boolean enabled;
    /** Larger bodies (original images) would push out many small ones; they are not kept. */
    private final long largestEntry;
    private final Cache<String, Entry> entries;
    private final Counter hits;
    private final Counter misses;

    public ResponseCache(ContentVersion version, LedeConfig config, MeterRegistry registry) {
        this.version = version;
        this.enabled = config.responseCache().enabled();
        this.largestEntry = config.responseCache().maxBytes() / 16;
        this.entries = Caffeine.newBuilder()
                .maximumWeight(config.responseCache().maxBytes())
                .<String, Entry> weigher((key, entry) -> key.length() * 2 + entry.body().length + ENTRY_OVERHEAD)
                .build();
        this.hits = Counter.builder("lede.response.cache").tag("result", "hit")
                .description("Anonymous reads answered from the response cache").register(registry);
        this.misses = Counter.builder("lede.response.cache").tag("result", "miss")
                .description("Anonymous reads the REST layer had to answer").register(registry);
    }

    void install(@Observes Router router) {
        if (enabled) {
            router.route("/v1/*").order(ROUTE_ORDER).handler(this::serve);
        }
    }

    void drop(@Observes ContentChanged change) {
        entries.invalidateAll();
    }

    private void serve(RoutingContext context) {
        HttpServerRequest request = context.request();
        boolean get = request.method() == HttpMethod.GET;
        if (!get && request.method() != HttpMethod.HEAD || Credentials.present(request) || !version.isShared()) {
            context.next();
            return;
        }
        long current = version.current();
        String key = key(request);
        Entry entry = entries.getIfPresent(key);
        if (entry != null && entry.version() == current) {
            hits.increment();
            send(context, entry, get);
            return;
        }
        if (get) {
            misses.increment();
            context.put(KEY, key);
            context.put(VERSION, current);
        }
        context.next();
    }

    /**
     * Keeps a response the REST layer produced for an anonymous GET, if it is public JSON or text
     * and no write committed since the request started.
     */
    public void offer(RoutingContext context, ContainerResponseContext response) {
        String key = context.get(KEY);
        Long startedAt = context.get(VERSION);
        if (key == null || startedAt == null || response.getStatus() != 200
                || !(response.getEntity() instanceof byte[] body) || body.length > largestEntry
                || startedAt != version.current()) {
            return;
        }
        String cacheControl = response.getHeaderString(HttpHeaders.CACHE_CONTROL);
        String etag = response.getHeaderString(HttpHeaders.ETAG);
        if (cacheControl == null || !cacheControl.startsWith("public") || etag == null) {
            return;
        }
        List<String[]> headers = new ArrayList<>();
        response.getStringHeaders().forEach((name, values) -> {
            if (!PER_EXCHANGE.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> headers.add(new String[] { name, value }));
            }
        });
        List<String[]> notModified = headers.stream()
                .filter(header -> ON_NOT_MODIFIED.contains(header[0].toLowerCase(Locale.ROOT))).toList();
        entries.put(key, new Entry(startedAt, body, etag, List.copyOf(headers), notModified, pathTemplate(context.request())));
    }

    private static void send(RoutingContext context, Entry entry, boolean withBody) {
        if (entry.pathTemplate() != null && context.request() instanceof HttpServerRequestInternal request) {
            // Metrics count a hit under its endpoint's template, as the REST layer would: bounded tags.
            request.context().putLocal(PATH_TEMPLATE, entry.pathTemplate());
        }
        HttpServerResponse response = context.response();
        boolean notModified = matches(context.request().getHeader(HttpHeaders.IF_NONE_MATCH), entry.etag());
        for (String[] header : notModified ? entry.notModifiedHeaders() : entry.headers()) {
            response.headers().add(header[0], header[1]);
        }
        if (notModified) {
            response.setStatusCode(304).end();
        } else if (withBody) {
            response.setStatusCode(200).end(Buffer.buffer(entry.body()));
        } else {
            response.setStatusCode(200).putHeader(HttpHeaders.CONTENT_LENGTH, Integer.toString(entry.body().length)).end();
        }
    }

    private static String pathTemplate(HttpServerRequest request) {
        return request instanceof HttpServerRequestInternal internal && internal.context().getLocal(PATH_TEMPLATE) instanceof String template
                ? template
                : null;
    }

    /** If-None-Match uses the weak comparison: {@code W/"x"} matches {@code "x"}; {@code *} matches anything. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        String opaque = opaque(etag);
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || opaque(tag).equals(opaque)) {
                return true;
            }
        }
        return false;
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }

    private static String key(HttpServerRequest request) {
        return request.getHeader(HttpHeaders.HOST) + ' ' + request.uri() + '\n'
                + request.getHeader(HttpHeaders.ACCEPT) + '\n' + request.getHeader(HttpHeaders.ACCEPT_LANGUAGE);
    }
}
