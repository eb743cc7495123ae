package io.lede.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TokenRequest")
public record TokenRequest(
        @Schema(required = true, description = "Who or what holds the token", examples = "Partner: Morning Post")
        @NotBlank @Size(max = 100) String name,
        @Schema(required = true) @NotNull Role role) {
}
