package io.lede.cache;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.core.HttpHeaders;

import io.lede.http.CachePolicy;

/**
 * One response the {@link ResponseCache} keeps: its body, its headers for anonymous readers and
 * for partners (a private copy), for a 200 and for a 304, its surrogate keys, and the content
 * generation it is known valid at.
 */
final class CachedResponse {

    /** Headers that belong to one exchange, not to the representation. */
    private static final Set<String> PER_EXCHANGE = Set.of("ratelimit", "ratelimit-policy", "set-cookie", "date",
            "content-length", "transfer-encoding", "content-encoding", "x-request-id", "retry-after",
            "x-cache", CachePolicy.SHAREABLE_HEADER.toLowerCase(Locale.ROOT));
    /** What a 304 repeats of the 200 it stands for (RFC 9110 15.4.5). */
    private static final Set<String> ON_NOT_MODIFIED = Set.of("etag", "cache-control", "vary", "content-location",
            "surrogate-key");
    private static final String PRIVATE = "private, no-store";

    private final byte[] body;
    private final String etag;
    private final Set<String> keys;
    private final String pathTemplate;
    private final List<String[]> headers;
    private final List<String[]> notModifiedHeaders;
    private final List<String[]> partnerHeaders;
    private final List<String[]> partnerNotModifiedHeaders;
    /** The content generation this entry is known to be valid at. */
    private volatile long checked;

    private CachedResponse(byte[] body, String etag, Set<String> keys, String pathTemplate, List<String[]> headers, long checked) {
        this.body = body;
        this.etag = etag;
        this.keys = keys;
        this.pathTemplate = pathTemplate;
        this.headers = List.copyOf(headers);
        this.notModifiedHeaders = notModified(headers);
        this.partnerHeaders = headers.stream()
                .map(header -> header[0].equalsIgnoreCase(HttpHeaders.CACHE_CONTROL) ? new String[] { header[0], PRIVATE } : header)
                .toList();
        this.partnerNotModifiedHeaders = notModified(partnerHeaders);
        this.checked = checked;
    }

    /**
     * The response the REST layer rendered, as the cache keeps it: the representation's headers
     * without those of the exchange, and Cache-Control as an anonymous reader gets it.
     */
    static CachedResponse of(byte[] body, String etag, Set<String> keys, String pathTemplate, String publicCacheControl,
            Map<String, List<String>> responseHeaders, long checked) {
        List<String[]> headers = new ArrayList<>();
        responseHeaders.forEach((name, values) -> {
            if (name.equalsIgnoreCase(HttpHeaders.CACHE_CONTROL)) {
                headers.add(new String[] { name, publicCacheControl });
            } else if (!PER_EXCHANGE.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> headers.add(new String[] { name, value }));
            }
        });
        return new CachedResponse(body, etag, keys, pathTemplate, headers, checked);
    }

    private static List<String[]> notModified(List<String[]> headers) {
        return headers.stream().filter(header -> ON_NOT_MODIFIED.contains(header[0].toLowerCase(Locale.ROOT))).toList();
    }

    /** The headers to send: to a partner (a private copy) or an anonymous reader, with a 304 or a 200. */
    List<String[]> headers(boolean partner, boolean notModified) {
        return partner
                ? notModified ? partnerNotModifiedHeaders : partnerHeaders
                : notModified ? notModifiedHeaders : headers;
    }

    byte[] body() {
        return body;
    }

    String etag() {
        return etag;
    }

    Set<String> keys() {
        return keys;
    }

    String pathTemplate() {
        return pathTemplate;
    }

    long checked() {
        return checked;
    }

    void checked(long generation) {
        checked = generation;
    }
}
