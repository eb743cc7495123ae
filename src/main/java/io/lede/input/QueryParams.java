package io.lede.input;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import io.lede.error.ProblemException;
import io.lede.text.Languages;
import io.lede.text.Times;

/**
 * Query parameters arrive as strings and are parsed here, so a bad value is a 400 that names the
 * parameter (JAX-RS would answer 404 for a query parameter it cannot convert).
 */
public final class QueryParams {

    private QueryParams() {
    }

    public static int intInRange(String raw, String name, int defaultValue, int min, int max) {
        if (raw == null) {
            return defaultValue;
        }
        String digits = raw.trim();
        // ASCII digits only: Integer.parseInt also takes "+3" and other scripts' digits ("٥", "２"),
        // each a different URL (and cache entry) for the same page.
        if (!digits.matches("-?[0-9]{1,10}")) {
            throw ProblemException.invalid(name, "must be a whole number from " + min + " to " + max);
        }
        try {
            int value = Integer.parseInt(digits);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProblemException.invalid(name, "must be a whole number from " + min + " to " + max);
    }

    public static boolean bool(String raw, String name) {
        if (raw == null || raw.isBlank() || raw.equalsIgnoreCase("false")) {
            return false;
        }
        if (raw.equalsIgnoreCase("true")) {
            return true;
        }
        throw ProblemException.invalid(name, "must be true or false");
    }

    /**
     * An ISO-8601 instant ({@code 2026-11-24T08:15:00Z}) or a date ({@code 2026-11-24}, UTC). As
     * the end of a range a date means the whole day, so {@code to=2026-11-24} includes that day.
     */
    public static Instant instant(String raw, String name, boolean endOfRange) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            Instant time;
            if (raw.length() == 10) {
                time = LocalDate.parse(raw).atStartOfDay(ZoneOffset.UTC).toInstant();
            } else {
                time = Times.parseInstant(raw);
            }
            if (Times.storableViolation(time) != null) {
                throw ProblemException.invalid(name, Times.RANGE);
            }
            return endOfRange && raw.length() == 10 ? time.plus(1, ChronoUnit.DAYS) : time;
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(name, "must be an ISO-8601 UTC time such as 2026-11-24T08:15:00Z or a date such as 2026-11-24");
        }
    }

    public static <E extends Enum<E>> E enumValue(String raw, String name, Class<E> type, E defaultValue) {
        if (raw == null || raw.isBlank()) {
            return defaultValue;
        }
        try {
            return Enum.valueOf(type, raw.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            String accepted = Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(", "));
            throw ProblemException.invalid(name, "must be one of " + accepted);
        }
    }

    /** A BCP-47 tag in its canonical case, or null when absent. */
    public static String language(String raw, String name) {
        String language = text(raw, name, 35);
        if (language != null && !language.matches(Languages.PATTERN)) {
            throw ProblemException.invalid(name, "must be a BCP-47 language tag such as en or zh-Hans");
        }
        return Languages.canonical(language);
    }

    public static String text(String raw, String name, int maxLength) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        if (raw.length() > maxLength) {
            throw ProblemException.invalid(name, "must be at most " + maxLength + " characters");
        }
        return raw.trim();
    }
}
