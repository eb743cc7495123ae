package io.lede.delivery;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.lede.image.ImageView;

/**
 * A headline's picture with what a page needs to show it without layout shift: the original's
 * size (so the space is reserved before the bytes arrive), the alt text, and one rendition per
 * width step up to the original's width, ready for {@code srcset}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "HeadlineThumbnail")
public record HeadlineThumbnail(
        @Schema(required = true, description = "The thumb rendition, as thumbnailUrl") String url,
        @Schema(required = true, description = "Width of the original, in pixels") int width,
        @Schema(required = true, description = "Height of the original, in pixels") int height,
        @Schema(description = "Alt text; absent when the image has none") String alt,
        @Schema(required = true, description = "Renditions by width, narrowest first, for srcset") List<Source> sources) {

    /** Widths above this make no sense for a headline's picture and would only lengthen every response. */
    static final int WIDEST = 1280;

    @Schema(name = "HeadlineThumbnailSource")
    public record Source(
            @Schema(required = true) String url,
            @Schema(required = true, description = "The width this rendition is served at, in pixels") int width) {
    }

    /**
     * Steps narrower than the original give renditions of that width; the first step at least as
     * wide gives the original's width (a rendition is never enlarged), and is the last one listed.
     */
    static HeadlineThumbnail of(ImageView image, String url, List<Integer> steps) {
        List<Source> sources = new ArrayList<>();
        for (int step : steps.stream().sorted().distinct().toList()) {
            if (step > WIDEST) {
                break;
            }
            sources.add(new Source(image.contentUrl() + "?w=" + step, Math.min(step, image.width())));
            if (step >= image.width()) {
                break;
            }
        }
        return new HeadlineThumbnail(url, image.width(), image.height(), image.altText(), List.copyOf(sources));
    }
}
