package io.lede.article;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.lede.image.ImageUsers;

/** The articles that use an image, as the image feature asks before it deletes one. */
@ApplicationScoped
public class ArticleImageUsers implements ImageUsers {

    private final EntityManager entityManager;

    public ArticleImageUsers(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public List<String> liveUsersOf(UUID imageId) {
        return entityManager.createQuery("select distinct a.slug from Article a join a.imageIds used"
                + " where used = :image and a.status in (:live) order by a.slug", String.class)
                .setParameter("image", imageId)
                .setParameter("live", ArticleStatus.LIVE)
                .getResultList();
    }
}
