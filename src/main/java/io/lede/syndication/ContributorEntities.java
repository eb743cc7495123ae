package io.lede.syndication;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.lede.article.ArticleView;
import io.lede.article.Contributor;
import io.lede.cache.SurrogateKeys;
import io.lede.entity.EntityService;
import io.lede.entity.EntitySummary;

/**
 * The entities the contributors of some articles are linked to, for their global ids (include=entities
 * inlines an article's about/mentions links, not its contributors'): one query for a page. A
 * document that shows an entity's URI depends on that entity, so its key is added.
 */
@ApplicationScoped
class ContributorEntities {

    private final EntityService entities;

    ContributorEntities(EntityService entities) {
        this.entities = entities;
    }

    Map<UUID, EntitySummary> of(Collection<ArticleView> articles, Set<String> keys) {
        Set<UUID> ids = new HashSet<>();
        articles.forEach(article -> article.contributors().stream().map(Contributor::entityId).filter(Objects::nonNull)
                .forEach(ids::add));
        if (ids.isEmpty()) {
            return Map.of();
        }
        ids.forEach(id -> keys.add(SurrogateKeys.key("entity", id)));
        return entities.summaries(ids);
    }
}
