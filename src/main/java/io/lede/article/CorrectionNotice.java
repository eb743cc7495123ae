package io.lede.article;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A correction in the public list: what was corrected, and on which article. */
@Schema(name = "CorrectionNotice")
public record CorrectionNotice(
        @Schema(required = true) String id,
        @Schema(required = true) CorrectionView.Kind kind,
        @Schema(required = true) String text,
        @Schema(required = true, description = "When it was published") Instant at,
        @Schema(required = true) String articleId,
        @Schema(required = true, description = "The article's headline now") String headline,
        @Schema(required = true, description = "The article's canonical page") String url) {
}
