package io.lede.http;

import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.core.EntityTag;

import io.lede.error.Problem;
import io.lede.error.ProblemException;
import io.lede.error.ProblemType;

/**
 * RFC 9110 conditional requests, in one place for the REST layer and the response cache, so that
 * a request gets the same answer whichever of them serves it.
 *
 * <p>Reads (section 13.2.2): {@code If-Match} first, compared strongly (a weak tag never matches);
 * none matching is 412. Then {@code If-None-Match}, compared weakly ({@code W/"x"} matches
 * {@code "x"}); a match is 304. {@code *} matches the representation there is. Lede sends no
 * {@code Last-Modified}, so the date conditions are ignored, as the RFC says. Writes that replace
 * or patch need {@code If-Match} (428 without it) and compare it strongly with the item's current
 * ETag (412 when stale) before anything is changed.
 */
public final class Preconditions {

    /** What a read's conditions decide. */
    public enum Outcome {
        /** Send the representation. */
        PROCEED,
        /** 304: the client's copy is current. */
        NOT_MODIFIED,
        /** 412: If-Match names no current representation. */
        FAILED
    }

    private record Tag(boolean weak, String opaque) {
    }

    private static final String FAILED_DETAIL = "If-Match names no current representation of this resource";

    private Preconditions() {
    }

    /**
     * The outcome for a request of {@code method} on a resource whose current representation has
     * the ETag {@code etag} (quoted, as in the ETag header).
     */
    public static Outcome evaluate(String method, String ifMatch, String ifNoneMatch, String etag) {
        if (present(ifMatch) && !anyMatches(ifMatch, etag, true)) {
            return Outcome.FAILED;
        }
        if (present(ifNoneMatch) && anyMatches(ifNoneMatch, etag, false)) {
            // 304 only answers reads; any other method must not go ahead.
            return "GET".equals(method) || "HEAD".equals(method) ? Outcome.NOT_MODIFIED : Outcome.FAILED;
        }
        return Outcome.PROCEED;
    }

    /** The 412 a read gets whose If-Match names no current representation. */
    public static Problem failed() {
        return ProblemType.STALE.problem(FAILED_DETAIL);
    }

    public static void requireMatch(String ifMatch, EntityTag current) {
        if (!present(ifMatch)) {
            throw ProblemException.of(ProblemType.PRECONDITION_REQUIRED,
                    "Send If-Match with the ETag you last read, so that edits made meanwhile are not overwritten");
        }
        if (!anyMatches(ifMatch, quoted(current), true)) {
            throw ProblemException.of(ProblemType.STALE,
                    "The item changed since that ETag was read; fetch it again and reapply the change");
        }
    }

    /** The ETag header form of a tag: quoted, {@code W/} for a weak one. */
    public static String quoted(EntityTag tag) {
        return (tag.isWeak() ? "W/\"" : "\"") + tag.getValue() + "\"";
    }

    static boolean matches(String ifMatch, EntityTag current) {
        return anyMatches(ifMatch, quoted(current), true);
    }

    private static boolean present(String header) {
        return header != null && !header.isBlank();
    }

    /**
     * Whether a list of entity tags (or {@code *}) names {@code etag}: strongly (both strong and
     * the same) or weakly (the same opaque tag).
     */
    static boolean anyMatches(String header, String etag, boolean strong) {
        if (header.trim().equals("*")) {
            return true;
        }
        Tag current = parse(etag).stream().findFirst().orElse(null);
        if (current == null) {
            return false;
        }
        for (Tag candidate : parse(header)) {
            boolean same = candidate.opaque().equals(current.opaque());
            if (same && (!strong || !candidate.weak() && !current.weak())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The entity tags of a list ({@code W/"a", "b"}). Anything that is not an entity tag (an
     * unquoted word, an unterminated quote) names no representation and is skipped.
     */
    private static List<Tag> parse(String header) {
        List<Tag> tags = new ArrayList<>();
        int i = 0;
        int length = header.length();
        while (i < length) {
            char c = header.charAt(i);
            if (c == ' ' || c == '\t' || c == ',') {
                i++;
                continue;
            }
            boolean weak = header.startsWith("W/", i);
            int quote = weak ? i + 2 : i;
            if (quote < length && header.charAt(quote) == '"') {
                int end = header.indexOf('"', quote + 1);
                if (end < 0) {
                    break;
                }
                tags.add(new Tag(weak, header.substring(quote + 1, end)));
                i = end + 1;
            } else {
                // Not an entity tag: skip to the next element of the list.
                int comma = header.indexOf(',', i);
                i = comma < 0 ? length : comma + 1;
            }
        }
        return tags;
    }
}
