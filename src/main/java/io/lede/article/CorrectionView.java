package io.lede.article;

import java.time.Instant;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A correction as an article shows it. */
@Schema(name = "Correction")
public record CorrectionView(
        @Schema(required = true) String id,
        @Schema(required = true) Kind kind,
        @Schema(required = true, examples = "An earlier version gave the wrong year for the harbour's opening.") String text,
        @Schema(required = true, description = "When it was published") Instant at) {

    /**
     * {@code correction}: something was wrong; {@code clarification}: something was unclear;
     * {@code update}: a material development. Each moves the article's materiallyUpdatedAt.
     */
    @Schema(name = "CorrectionKind")
    public enum Kind {
        CORRECTION,
        CLARIFICATION,
        UPDATE;

        @JsonValue
        public String apiName() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static Kind fromApiName(String value) {
            return valueOf(value.toUpperCase(Locale.ROOT));
        }
    }
}
