package io.lede.article;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.lede.entity.EntityType;
import io.lede.entity.EntityUsers;

/** The articles that link an entity (about, mentions) or credit it as a contributor, as the entity feature asks. */
@ApplicationScoped
public class ArticleEntityUsers implements EntityUsers {

    private final EntityManager entityManager;

    public ArticleEntityUsers(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public List<String> publicUsersOf(UUID entityId) {
        return entityManager.createQuery("select distinct a.slug from Article a join a.entityIds used"
                + " where used = :entity and a.status in (:live) order by a.slug", String.class)
                .setParameter("entity", entityId)
                .setParameter("live", ArticleStatus.LIVE)
                .getResultList();
    }

    /** Contributors must be people or organisations; links take any type. */
    @Override
    public List<String> refusingType(UUID entityId, EntityType type) {
        if (ArticleEntities.CONTRIBUTOR_TYPES.contains(type)) {
            return List.of();
        }
        return entityManager.createQuery("select a from Article a join a.entityIds used where used = :entity order by a.slug",
                Article.class).setParameter("entity", entityId).getResultStream()
                .filter(article -> article.contributors.stream().anyMatch(contributor -> entityId.equals(contributor.entityId())))
                .map(article -> article.slug).distinct().limit(20).toList();
    }

    @Override
    public String showsPubliclySql(String entityId) {
        return "exists (select 1 from article_entity ae join article a on a.id = ae.article_id where ae.entity_id = " + entityId
                + " and a.status = '" + ArticleStatus.PUBLISHED.name() + "')";
    }
}
