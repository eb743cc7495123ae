package io.lede.text;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * Times a client sends: ISO-8601, and within the years 0001 to 9999. PostgreSQL's timestamps and
 * every feed format stop somewhere; this is the range all of them hold and clients can print.
 * The bounds are whole years, to the nanosecond an ISO-8601 time can carry: a time is judged by
 * the year it names, never by a rounded form of it. What is stored keeps less precision
 * (milliseconds) and is truncated, never rounded, so it stays in the year the client named.
 */
public final class Times {

    public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");
    public static final String RANGE = "must be between the years 0001 and 9999";

    private Times() {
    }

    /** ISO-8601 with Z or an offset ({@code 2026-11-24T08:15:00Z}, {@code 2026-11-24T10:15:00+02:00}). */
    public static Instant parseInstant(String text) {
        return DateTimeFormatter.ISO_INSTANT.parse(text.trim(), Instant::from);
    }

    /** Why the time cannot be stored, or null. */
    public static String storableViolation(Instant time) {
        return time != null && (time.isBefore(EARLIEST) || time.isAfter(LATEST)) ? RANGE : null;
    }
}
