package io.lede.delivery;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.lede.article.LiveCoverage;

/** An article reduced to what a headline list shows. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Headline")
public record HeadlineView(
        @Schema(required = true) String id,
        @Schema(required = true) String headline,
        String standfirst,
        @Schema(required = true, description = "Canonical page on the publisher's site") String url,
        @Schema(required = true) String section,
        @Schema(required = true) String language,
        @Schema(required = true) Instant publishedAt,
        @Schema(description = "The lead image's thumb rendition") String thumbnailUrl,
        @Schema(description = "The lead image with its size, alt text and renditions by width; absent without one") HeadlineThumbnail thumbnail,
        @Schema(description = "Set on live blogs, as on articles") LiveCoverage live) {
}
