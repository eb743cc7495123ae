package io.lede.quote;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A speaker with what their quotes say about them. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Speaker")
public record SpeakerView(
        @Schema(required = true) String id,
        @Schema(required = true, description = "The spelling their quotes use most (the latest on a tie)") String name,
        @Schema(description = "Their latest known role") String role,
        @Schema(required = true) long quoteCount,
        @Schema(required = true) Instant latestQuoteAt,
        @Schema(required = true, description = "Every role their quotes give, the most recently held first") List<String> roles) {
}
