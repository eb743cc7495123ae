package io.lede.search;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A rebuild of the search index, as this replica knows it. */
@Schema(name = "Reindex")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ReindexView(
        @Schema(required = true, enumeration = { "idle", "running", "failed" },
                description = "running while a rebuild runs; idle before the first and after one that finished; failed after one that did not") String state,
        @Schema(required = true, description = "Articles written to the index by the current or last rebuild", examples = "125000") long indexed,
        @Schema(required = true, nullable = true, description = "Articles the current or last rebuild has to write; null before the first",
                examples = "1000000") Long total,
        @Schema(required = true, nullable = true, description = "When the current or last rebuild started") Instant startedAt,
        @Schema(required = true, nullable = true, description = "When the last rebuild ended; null while one runs") Instant finishedAt,
        @Schema(required = true, enumeration = { "current", "outdated" }, description = "outdated when the index was created by an "
                + "earlier version with a layout that cannot be changed in place: searches answer from it, slower, until a rebuild "
                + "with recreate=true") String layout) {

    static ReindexView of(Reindexing.Status status) {
        return new ReindexView(status.state().name().toLowerCase(java.util.Locale.ROOT), status.indexed(), status.total(),
                status.startedAt(), status.finishedAt(), status.outdated() ? "outdated" : "current");
    }
}
