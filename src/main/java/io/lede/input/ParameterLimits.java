package io.lede.input;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.lede.error.ProblemException;

/**
 * The longest value the service takes for each parameter, enforced for every request by
 * {@link KnownQueryParameters} and declared as {@code maxLength} in the OpenAPI document from this
 * same table, so the two cannot disagree. A parameter not named here may be up to
 * {@link #DEFAULT} characters (cursors and sync tokens are far shorter); the headers a client sends
 * back ({@code If-Match}, {@code Last-Event-ID}) too. An endpoint may hold a parameter to a tighter
 * limit of its own, declared on its annotation (entries' {@code since}, an entry id: 36).
 */
public final class ParameterLimits {

    public static final int DEFAULT = 1000;

    /** Names with a tighter (or, for oEmbed's url, wider) limit than {@link #DEFAULT}. */
    private static final Map<String, Integer> BY_NAME = Map.of(
            "section", 64,
            "tag", 64,
            "q", 200,
            "speaker", 200,
            "entity", 300,
            "credit", 300,
            "lang", 35,
            "url", 2000,
            // A keyset cursor carries the last row's sort key: a name of 200 characters in a non-Latin script.
            "cursor", 4000);

    /** Comma-separated lists (fields, include, status) hold at most this many names. */
    public static final int MAX_LIST_ITEMS = 30;

    /** The parameters that are comma-separated lists of names. */
    public static final Set<String> LISTS = Set.of("fields", "include", "status");

    /** Headers a client sends back to the service, checked like parameters. */
    public static final List<String> HEADERS = List.of("If-Match", "Last-Event-ID");

    private ParameterLimits() {
    }

    public static int maxLength(String name) {
        return BY_NAME.getOrDefault(name, DEFAULT);
    }

    static void check(String name, String value) {
        if (value != null && value.length() > maxLength(name)) {
            throw ProblemException.invalid(name, "is longer than " + maxLength(name) + " characters");
        }
        if (value != null && LISTS.contains(name) && value.split(",", -1).length > MAX_LIST_ITEMS) {
            throw ProblemException.invalid(name, "at most " + MAX_LIST_ITEMS + " names");
        }
    }
}
