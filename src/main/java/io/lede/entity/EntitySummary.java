package io.lede.entity;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An entity as content inlines it ({@code include=entities}): what a reader or a syndication
 * format needs to name it and resolve it. Description and sameAs stay at {@code /v1/entities/{id}},
 * so that a page of articles with a hundred links each stays a bounded size.
 */
@Schema(name = "EntitySummary")
public record EntitySummary(
        @Schema(required = true) String id,
        @Schema(required = true) EntityType type,
        @Schema(required = true) String name,
        @Schema(required = true, description = "Global id: a Wikidata entity or IPTC Media Topic URI") String uri) {

    static EntitySummary of(NamedEntity entity) {
        return new EntitySummary(entity.id.toString(), entity.type, entity.name, entity.uri);
    }
}
