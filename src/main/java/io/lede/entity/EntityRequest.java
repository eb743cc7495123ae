package io.lede.entity;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.lede.input.NotRemovable;
import io.lede.text.MultilineText;

/** The body of POST and PUT, and what a PATCH is merged into. Server-owned fields are ignored. */
@Schema(name = "EntityRequest")
public record EntityRequest(
        @Schema(required = true) @NotNull @NotRemovable EntityType type,

        @Schema(required = true, examples = "Hamburg") @NotBlank @Size(max = 200) String name,

        @Schema(required = true, description = "A Wikidata entity URI or an IPTC Media Topic URI; https is stored as http",
                examples = "http://www.wikidata.org/entity/Q1055")
        @NotBlank @Size(max = 300) String uri,

        @Schema(examples = "Port city in northern Germany") @Size(max = 2000) @MultilineText String description,

        // Characters RFC 3986 allows in a URI, nothing else: a pattern every client's validator reads alike.
        @Schema(description = "Other pages about the same thing (absolute http or https URLs)")
        @Size(max = 20) List<@NotBlank @Size(max = 500) @Pattern(regexp = "^https?://[!#$%&'()*+,\\-./0-9:;=?@A-Z\\[\\]_a-z~]+$", message = "must be an absolute http or https URL, percent-encoded (RFC 3986)") String> sameAs) {
}
