package io.lede.image;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an app paints before an image arrives: a ThumbHash to decode into a blurred miniature, or one colour. */
@Schema(name = "ImagePlaceholder")
public record Placeholder(
        @Schema(required = true, description = "ThumbHash (https://evanw.github.io/thumbhash/), base64", examples = "1QcSHQRnh493V4dIh4eXh1h4kJUI") String thumbhash,
        @Schema(required = true, description = "The most common colour, #rrggbb in lower case", pattern = "^#[0-9a-f]{6}$", examples = "#5b7fa3") String dominantColor) {
}
