package io.lede.live;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.lede.article.BodyBlock;
import io.lede.input.FieldSelection;

/**
 * A live blog entry as clients see it, and the {@code data} of its {@code entry.created} and
 * {@code entry.updated} stream events: an event's data is exactly what a GET of the entry returns.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Entry")
public record EntryView(
        @Schema(required = true, examples = "3f2a9c4e-1b7d-4e8f-a0c2-5d6e7f8091a2") String id,
        @Schema(description = "Optional short title") String title,
        @Schema(required = true, description = "Ordered body blocks, as in articles") List<BodyBlock> body,
        @Schema(required = true, description = "A key event of the story (keyEvents=true lists only these)") boolean keyEvent,
        @Schema(required = true, description = "Pinned entries are flagged, not moved: lists stay newest first") boolean pinned,
        @Schema(required = true) Instant publishedAt,
        @Schema(required = true) Instant updatedAt,
        @Schema(required = true) long version) {

    /** Names accepted by {@code fields=}. */
    public static final Set<String> FIELDS = FieldSelection.namesOf(EntryView.class);

    public EntryView withBody(List<BodyBlock> blocks) {
        return new EntryView(id, title, blocks, keyEvent, pinned, publishedAt, updatedAt, version);
    }
}
