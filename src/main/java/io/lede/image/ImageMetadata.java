package io.lede.image;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.lede.text.MultilineText;

/** The editable fields of an image: sent with an upload, and what a PATCH is merged into. */
@Schema(name = "ImageMetadata")
public record ImageMetadata(
        @Schema(examples = "The first ferry leaves the harbour of Marren after the storm.") @Size(max = 2000) @MultilineText String caption,
        @Schema(description = "Who to credit, as printed", examples = "Lede/Mara Lind") @Size(max = 300) String credit,
        @Schema(description = "Text for screen readers") @Size(max = 1000) String altText,
        @Schema(description = "Who made the picture (photographer, illustrator)", examples = "Mara Lind") @Size(max = 300) String creator,
        @Schema(description = "The copyright notice that must go with the picture", examples = "© 2026 Lede") @Size(max = 1000) String copyrightNotice,
        @Valid FocalPoint focalPoint) {
}
