package io.lede.paging;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import io.lede.error.ProblemException;
import io.lede.text.TextRule;
import io.lede.text.Times;

/**
 * The opaque {@code cursor} of a keyset page: the sort it belongs to and the key of the last row
 * handed out (say a time and an id as tie-breaker). The next page starts strictly after that key,
 * so rows added meanwhile never shift a page. Encoded, it also names the list that handed it out
 * (the request's path): a cursor of one list given to another (a corrections cursor to
 * /v1/articles, one blog's entries to another's) is a 400, not a page cut at another list's key.
 */
public record Cursor(String sort, List<String> key) {

    private static final String VERSION = "3";

    /** A cursor after the row whose sort key is {@code values} (Instants, UUIDs, numbers, strings). */
    public static Cursor after(String sort, Object... values) {
        List<String> key = new ArrayList<>();
        for (Object value : values) {
            key.add(value == null ? "" : value.toString());
        }
        return new Cursor(sort, List.copyOf(key));
    }

    /** The cursor as a client gets it, for the list at {@code list} (a request path, {@link PageLinks#list}). */
    public String encode(String list) {
        StringBuilder raw = new StringBuilder(VERSION).append('|').append(escape(list)).append('|').append(escape(sort));
        key.forEach(part -> raw.append('|').append(escape(part)));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a cursor made by the list at {@code list} for {@code expectedSort} with a key of {@code size} parts; anything else is a 400. */
    public static Cursor decode(String encoded, String list, String expectedSort, int size) {
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8).split("\\|", -1);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (parts.length != size + 3 || !VERSION.equals(parts[0])) {
            throw invalid();
        }
        if (!unescape(parts[1]).equals(list)) {
            throw ProblemException.invalid("cursor", "belongs to another list; use the next link of a page of this one");
        }
        String sort = unescape(parts[2]);
        if (!sort.equals(expectedSort)) {
            throw ProblemException.invalid("cursor", "belongs to sort=" + sort + ", not sort=" + expectedSort);
        }
        List<String> key = new ArrayList<>();
        for (int i = 3; i < parts.length; i++) {
            String part = unescape(parts[i]);
            // Cursors travel through clients' hands: a forged one must not carry into a query what no
            // client may send directly.
            if (TextRule.violation(part, false) != null) {
                throw invalid();
            }
            key.add(part);
        }
        return new Cursor(sort, List.copyOf(key));
    }

    public Instant instant(int index) {
        try {
            Instant time = Instant.parse(key.get(index));
            if (Times.storableViolation(time) == null) {
                return time;
            }
        } catch (RuntimeException e) {
            // reported below
        }
        throw invalid();
    }

    public UUID uuid(int index) {
        try {
            return UUID.fromString(key.get(index));
        } catch (RuntimeException e) {
            throw invalid();
        }
    }

    /** A float part, or null when the key held none. */
    public Float floatOrNull(int index) {
        try {
            Float value = key.get(index).isEmpty() ? null : Float.valueOf(key.get(index));
            if (value == null || Float.isFinite(value)) {
                return value;
            }
        } catch (RuntimeException e) {
            // reported below
        }
        throw invalid();
    }

    public String string(int index) {
        return key.get(index);
    }

    private static ProblemException invalid() {
        return ProblemException.invalid("cursor", "is not a cursor this API handed out; use the next link of a page");
    }

    private static String escape(String part) {
        return URLEncoder.encode(part, StandardCharsets.UTF_8);
    }

    private static String unescape(String part) {
        try {
            return URLDecoder.decode(part, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }
}
