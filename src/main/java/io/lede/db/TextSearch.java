package io.lede.db;

import java.util.List;

/**
 * Where a table's searchable text lives: on PostgreSQL a weighted, GIN-indexed {@code tsvector}
 * column; on H2 the text columns themselves, most important first, for the LIKE fallback.
 */
public record TextSearch(String vectorColumn, List<String> columnsByWeight) {
}
