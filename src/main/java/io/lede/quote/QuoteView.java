package io.lede.quote;

import java.time.Instant;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.lede.input.FieldSelection;

/** A quote as clients see it; {@code speaker.role} is the role held when it was said. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Quote")
public record QuoteView(
        @Schema(required = true) String id,
        @Schema(required = true) String text,
        @Schema(required = true) Speaker speaker,
        String articleId,
        Instant saidAt,
        String context,
        @Schema(required = true) String language,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true) Instant updatedAt,
        @Schema(required = true) long version) {

    /** Names accepted by {@code fields=}. */
    public static final Set<String> FIELDS = FieldSelection.namesOf(QuoteView.class);

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "QuoteSpeaker")
    public record Speaker(
            @Schema(required = true, description = "Speaker id, for /v1/speakers/{id}") String id,
            @Schema(required = true) String name,
            String role,
            @Schema(description = "The person entity the speaker is, when linked") String entityId,
            @Schema(description = "That entity's global id (Wikidata)") String uri) {
    }
}
