package io.lede.db;

import java.util.List;

/**
 * Where a table's searchable text lives: on PostgreSQL a weighted, GIN-indexed {@code tsvector}
 * column, stored in the language of {@code languageColumn} (null: every row {@code simple}); on H2
 * the text columns themselves, most important first, for the LIKE fallback.
 */
public record TextSearch(String vectorColumn, String languageColumn, List<String> columnsByWeight) {
}
