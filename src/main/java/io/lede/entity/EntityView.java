package io.lede.entity;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.lede.input.FieldSelection;

/** An entity as clients see it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Entity")
public record EntityView(
        @Schema(required = true) String id,
        @Schema(required = true) EntityType type,
        @Schema(required = true, examples = "Hamburg") String name,
        @Schema(required = true, description = "Global id: a Wikidata entity or IPTC Media Topic URI",
                examples = "http://www.wikidata.org/entity/Q1055") String uri,
        String description,
        @Schema(required = true, description = "Other pages about the same thing") List<String> sameAs,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true) Instant updatedAt,
        @Schema(required = true) long version) {

    /** Names accepted by {@code fields=}. */
    public static final Set<String> FIELDS = FieldSelection.namesOf(EntityView.class);

    static EntityView of(NamedEntity entity) {
        return new EntityView(entity.id.toString(), entity.type, entity.name, entity.uri, entity.description,
                List.copyOf(entity.sameAs), entity.createdAt, entity.updatedAt, entity.version);
    }
}
