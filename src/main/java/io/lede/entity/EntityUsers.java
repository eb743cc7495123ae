package io.lede.entity;

import java.util.List;
import java.util.UUID;

/**
 * Who refers to entities: articles (about, mentions, contributors) and quotes (their speaker).
 * They refer to entities, never the other way round, so each implements this for the entity
 * feature, which never imports them and asks all of them.
 */
public interface EntityUsers {

    /**
     * What published content uses this entity, named for a person to act on (article slugs, quote
     * ids). Writers that link an entity hold it locked (see {@link EntityService#missing}), so
     * this sees all of them.
     */
    List<String> publicUsersOf(UUID entityId);

    /** A SQL condition true when published content of this feature shows the entity with this id (a column). */
    String showsPubliclySql(String entityId);

    /**
     * What content of any status uses this entity in a role an entity of {@code type} cannot fill
     * (a quote's speaker must be a person), named for a person to act on: such a type change is refused.
     */
    List<String> refusingType(UUID entityId, EntityType type);
}
