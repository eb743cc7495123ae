package io.lede.entity;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.lede.cache.ContentKeySource;
import io.lede.cache.EntityChange;
import io.lede.cache.SurrogateKeys;

/**
 * What a change to an entity invalidates: the entity ({@code entity-<id>}, carried by every
 * response that shows its name or URI: articles with include=entities, the syndication formats,
 * quotes whose speaker it is) and the entity lists. Which entities the public sees moves with
 * the content that links them, so those features say it ({@link SurrogateKeys#ENTITY_VISIBILITY}).
 */
@ApplicationScoped
public class EntityKeys implements ContentKeySource {

    @Override
    public Set<Class<?>> entities() {
        return Set.of(NamedEntity.class);
    }

    @Override
    public void keys(EntityChange change, Set<String> keys) {
        keys.add(SurrogateKeys.key("entity", change.id()));
        keys.add(SurrogateKeys.ENTITIES);
    }
}
