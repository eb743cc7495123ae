package io.lede.image;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.lede.input.FieldSelection;

/** An image as clients see it, with the URLs of its original and of each configured rendition. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Image")
public record ImageView(
        @Schema(required = true) String id,
        String caption,
        String credit,
        String altText,
        @Schema(description = "Who made the picture") String creator,
        @Schema(description = "The copyright notice that must go with the picture") String copyrightNotice,
        @Schema(required = true) int width,
        @Schema(required = true) int height,
        @Schema(required = true, examples = "image/jpeg") String mimeType,
        @Schema(required = true) long bytes,
        FocalPoint focalPoint,
        @Schema(description = "What to paint before the picture arrives; computed on upload") Placeholder placeholder,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true) Instant updatedAt,
        @Schema(required = true) long version,
        @Schema(required = true, description = "The original file") String contentUrl,
        @Schema(required = true, description = "Rendition name to URL, for the configured widths") Map<String, String> renditions,
        @Schema(required = true, description = "One source per width step up to the picture's width, smallest first: what an img srcset needs") List<Source> srcset) {

    /** One rendition a client may pick by width. */
    @Schema(name = "ImageSource")
    public record Source(@Schema(required = true) String url, @Schema(required = true) int width,
            @Schema(required = true) int height, @Schema(required = true, examples = "image/jpeg") String type) {
    }

    public static final Set<String> FIELDS = FieldSelection.namesOf(ImageView.class);

    /** The URL a document shows the picture at: the large rendition, or the original. */
    public String displayUrl() {
        return renditions.getOrDefault("large", contentUrl);
    }
}
