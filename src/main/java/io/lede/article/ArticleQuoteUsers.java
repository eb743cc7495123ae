package io.lede.article;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import io.lede.quote.QuoteArticles;
import io.lede.quote.QuoteUsers;

/**
 * The articles that use quotes, as the quote feature asks: before it deletes one, when a quote
 * links to an article, and to decide who may see a quote.
 */
@ApplicationScoped
public class ArticleQuoteUsers implements QuoteUsers, QuoteArticles {

    private final EntityManager entityManager;

    public ArticleQuoteUsers(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public List<String> liveUsersOf(UUID quoteId) {
        return entityManager.createQuery("select distinct a.slug from Article a join a.quoteIds quoted"
                + " where quoted = :quote and a.status in (:live) order by a.slug", String.class)
                .setParameter("quote", quoteId)
                .setParameter("live", ArticleStatus.LIVE)
                .getResultList();
    }

    @Override
    public boolean holdArticle(UUID articleId) {
        return entityManager.find(Article.class, articleId, LockModeType.PESSIMISTIC_READ) != null;
    }

    @Override
    public Set<UUID> publishedAmong(Collection<UUID> articleIds) {
        if (articleIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(entityManager.createQuery("select a.id from Article a where a.id in (:ids) and a.status = :published",
                UUID.class).setParameter("ids", articleIds).setParameter("published", ArticleStatus.PUBLISHED).getResultList());
    }

    @Override
    public String publishedArticleSql(String articleId) {
        return "exists (select 1 from article pa where pa.id = " + articleId + " and pa.status = 'PUBLISHED')";
    }

    @Override
    public String showsPubliclySql(String quoteId) {
        return "exists (select 1 from article_quote vq join article vb on vb.id = vq.article_id"
                + " where vq.quote_id = " + quoteId + " and vb.status = 'PUBLISHED')";
    }
}
