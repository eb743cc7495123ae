package io.lede.quote;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.lede.text.Languages;
import io.lede.text.MultilineText;

/** The body of POST and PUT, and what a PATCH is merged into. Server-owned fields are ignored. */
@Schema(name = "QuoteRequest")
public record QuoteRequest(
        @Schema(required = true, examples = "We will reopen the harbour as soon as the wind allows.")
        @NotBlank @Size(max = 5000) @MultilineText String text,

        @Schema(required = true) @NotNull @Valid Speaker speaker,

        @Schema(description = "Id of the article the quote belongs to") UUID articleId,

        @Schema(description = "When it was said, if not when it was written down") Instant saidAt,

        @Schema(description = "Where or when it was said", examples = "at a press briefing in Marren")
        @Size(max = 500) @MultilineText String context,

        @Schema(required = true, examples = "en")
        @NotBlank @Size(max = 35) @Pattern(regexp = Languages.PATTERN, message = "must be a BCP-47 language tag such as en or zh-Hans")
        String language) {

    @Schema(name = "SpeakerRequest")
    public record Speaker(
            @Schema(required = true, examples = "Ilse Marren") @NotBlank @Size(max = 200) @HasLetterOrDigit String name,
            @Schema(examples = "harbour master") @Size(max = 200) String role,
            @Schema(description = "The person entity the speaker is") UUID entityId) {
    }
}
