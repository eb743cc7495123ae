package io.lede.image;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The point of an image that matters most, as fractions of its width and height; cover crops keep it in view. */
@Schema(name = "FocalPoint")
public record FocalPoint(
        @Schema(required = true, minimum = "0", maximum = "1", examples = "0.5") @NotNull @DecimalMin("0") @DecimalMax("1") Float x,
        @Schema(required = true, minimum = "0", maximum = "1", examples = "0.3") @NotNull @DecimalMin("0") @DecimalMax("1") Float y) {

    public static final FocalPoint CENTRE = new FocalPoint(0.5f, 0.5f);
}
