package io.lede.delivery;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.lede.article.LiveCoverage;
import io.lede.image.ImageView;
import io.lede.image.Placeholder;

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
        @Schema(description = "The lead image for a card: its size, renditions for srcset, and a placeholder to paint first") Thumbnail thumbnail,
        @Schema(description = "Set on live blogs, as on articles") LiveCoverage live) {

    /** The lead image as a headline card shows it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "HeadlineThumbnail")
    public record Thumbnail(@Schema(required = true, description = "The thumb rendition") String url,
            @Schema(required = true, description = "The picture's width, for its aspect ratio") int width,
            @Schema(required = true) int height,
            @Schema(description = "The image's alt text; absent when it has none") String alt,
            Placeholder placeholder,
            @Schema(required = true) List<ImageView.Source> srcset) {

        static Thumbnail of(ImageView image, String url) {
            return image == null ? null : new Thumbnail(url, image.width(), image.height(), image.altText(), image.placeholder(),
                    image.srcset());
        }
    }
}
