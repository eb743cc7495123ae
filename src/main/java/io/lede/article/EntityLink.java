package io.lede.article;

import java.util.Locale;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.lede.entity.EntitySummary;

/** An entity an article is about or mentions; with include=entities it carries the entity. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "EntityLink")
public record EntityLink(
        @Schema(required = true, description = "Entity id") @NotNull UUID id,
        @Schema(required = true) @NotNull Rel rel,
        @Schema(readOnly = true, description = "The entity's id, type, name and uri, with include=entities") EntitySummary entity) {

    /** {@code about}: what the story is about; {@code mentions}: named in passing (schema.org's about and mentions). */
    @Schema(name = "EntityRel")
    public enum Rel {
        ABOUT,
        MENTIONS;

        @JsonValue
        public String apiName() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static Rel fromApiName(String value) {
            return valueOf(value.toUpperCase(Locale.ROOT));
        }
    }

    EntityLink with(EntitySummary inlined) {
        return new EntityLink(id, rel, inlined);
    }
}
