package io.lede.live;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.lede.article.BodyBlock;

/**
 * The body of POST, and what a PATCH is merged into. Server-owned fields (id, version,
 * updatedAt) are not part of it: sent anyway, they are ignored.
 */
@Schema(name = "EntryRequest")
public record EntryRequest(
        @Schema(description = "Optional short title", examples = "Second ferry leaves")
        @Size(max = 300)
        String title,

        @Schema(required = true, description = "Ordered body blocks, as in articles")
        @NotNull @Size(min = 1, max = MAX_BLOCKS)
        List<@NotNull @Valid BodyBlock> body,

        @Schema(description = "A key event of the story; default false")
        Boolean keyEvent,

        @Schema(description = "Flag it as pinned; default false")
        Boolean pinned,

        @Schema(description = "When it went out; defaults to now, and may not lie in the future")
        Instant publishedAt) {

    /** An entry is an update of a few paragraphs, not an article: every stream subscriber gets all of it. */
    static final int MAX_BLOCKS = 50;
}
