package io.lede.article;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.lede.text.MultilineText;

/** The body of {@code POST /v1/articles/{id}/corrections}. */
@Schema(name = "CorrectionRequest")
public record CorrectionRequest(
        @Schema(required = true) @NotNull CorrectionView.Kind kind,
        @Schema(required = true, examples = "An earlier version said the harbour had four berths; it has five.")
        @NotBlank @Size(max = 2000) @MultilineText String text) {
}
