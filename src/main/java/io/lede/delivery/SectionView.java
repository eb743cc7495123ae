package io.lede.delivery;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Section")
public record SectionView(
        @Schema(required = true, examples = "world") String name,
        @Schema(required = true, description = "Published articles in the section") long articleCount,
        @Schema(required = true) Instant latestPublishedAt) {
}
