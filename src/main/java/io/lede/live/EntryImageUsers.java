package io.lede.live;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.lede.article.ArticleStatus;
import io.lede.image.ImageUsers;

/**
 * The live blogs whose entries show an image, as the image feature asks before it deletes one: an
 * entry on a published blog is as public as an article's body.
 */
@ApplicationScoped
public class EntryImageUsers implements ImageUsers {

    private final EntityManager entityManager;

    public EntryImageUsers(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public List<String> liveUsersOf(UUID imageId) {
        return entityManager.createQuery("select distinct a.slug from Article a where a.status in (:live)"
                + " and a.id in (select e.articleId from Entry e join e.imageIds used where used = :image) order by a.slug",
                String.class)
                .setParameter("image", imageId)
                .setParameter("live", ArticleStatus.LIVE)
                .getResultList();
    }
}
