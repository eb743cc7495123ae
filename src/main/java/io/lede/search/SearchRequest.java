package io.lede.search;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * One page of a search as the engine answers it: the text ({@code q}, read by {@link io.lede.text.SearchSyntax}), the
 * filters it holds (statuses, section, language, tag, entity, publication window), the order, where
 * the previous page ended ({@code afterAt}, {@code afterId}, and {@code afterScore} by relevance; all
 * null on a first page) and how many hits to return.
 */
public record SearchRequest(String q, Set<String> statuses, String section, String language, String tag, UUID entity,
        Instant from, Instant to, Order order, Instant afterAt, UUID afterId, Float afterScore, int size) {

    public enum Order {
        NEWEST,
        OLDEST,
        RELEVANCE
    }
}
