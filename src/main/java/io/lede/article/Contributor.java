package io.lede.article;

import java.util.Locale;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Someone who made the article, in the order given. {@code byline} stays the line shown to
 * readers; contributors are the same people as data, optionally linked to a person or
 * organisation entity (an agency credited as author).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Contributor")
public record Contributor(
        @Schema(required = true, examples = "Lena Okafor") @NotBlank @Size(max = 200) String name,
        @Schema(required = true) @NotNull Role role,
        @Schema(description = "A person or organisation entity") UUID entityId) {

    @Schema(name = "ContributorRole")
    public enum Role {
        AUTHOR,
        PHOTOGRAPHER,
        EDITOR,
        TRANSLATOR;

        @JsonValue
        public String apiName() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static Role fromApiName(String value) {
            return valueOf(value.toUpperCase(Locale.ROOT));
        }
    }
}
