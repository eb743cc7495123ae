package io.lede.search;

import java.time.Instant;
import java.util.UUID;

/** A match: the article's id, its time in the list's order, and its score when ordered by relevance. */
public record SearchHit(UUID id, Instant at, Float score) {
}
