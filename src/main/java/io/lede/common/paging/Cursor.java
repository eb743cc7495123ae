package io.lede.common.paging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import io.lede.common.error.ProblemException;

/**
 * The opaque {@code cursor} of a keyset page: the sort it belongs to and the key of the last row
 * handed out (a time, an id as tie-breaker, and a rank for relevance). The next page starts
 * strictly after that key, so rows published meanwhile never shift a page.
 */
public record Cursor(String sort, Instant at, UUID id, Float rank) {

    private static final String VERSION = "1";

    public String encode() {
        String raw = String.join("|", VERSION, sort, Long.toString(at.getEpochSecond()),
                Integer.toString(at.getNano()), id.toString(), rank == null ? "" : Float.toString(rank));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a cursor made for {@code expectedSort}; anything else is a 400 on {@code cursor}. */
    public static Cursor decode(String encoded, String expectedSort) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
            String[] parts = raw.split("\\|", -1);
            if (parts.length != 6 || !VERSION.equals(parts[0])) {
                throw new IllegalArgumentException("unknown cursor layout");
            }
            if (!parts[1].equals(expectedSort)) {
                throw ProblemException.invalid("cursor", "belongs to sort=" + parts[1] + ", not sort=" + expectedSort);
            }
            Instant at = Instant.ofEpochSecond(Long.parseLong(parts[2]), Long.parseLong(parts[3]));
            Float rank = parts[5].isEmpty() ? null : Float.valueOf(parts[5]);
            return new Cursor(parts[1], at, UUID.fromString(parts[4]), rank);
        } catch (ProblemException e) {
            throw e;
        } catch (RuntimeException e) {
            throw ProblemException.invalid("cursor", "is not a cursor this API handed out; use the next link of a page");
        }
    }
}
