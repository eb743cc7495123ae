package io.lede.live;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.lede.article.ArticleStatus;
import io.lede.quote.QuoteUsers;

/**
 * The live blogs whose entries quote a quote, as the quote feature asks before it deletes one: an
 * entry on a published blog is as public as an article's body.
 */
@ApplicationScoped
public class EntryQuoteUsers implements QuoteUsers {

    private final EntityManager entityManager;

    public EntryQuoteUsers(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public List<String> liveUsersOf(UUID quoteId) {
        return entityManager.createQuery("select distinct a.slug from Article a where a.status in (:live)"
                + " and a.id in (select e.articleId from Entry e join e.quoteIds used where used = :quote) order by a.slug",
                String.class)
                .setParameter("quote", quoteId)
                .setParameter("live", ArticleStatus.LIVE)
                .getResultList();
    }

    @Override
    public String showsPubliclySql(String quoteId) {
        return "exists (select 1 from live_entry_quote eq join live_entry ee on ee.id = eq.entry_id"
                + " join article eb on eb.id = ee.article_id where eq.quote_id = " + quoteId + " and eb.status = 'PUBLISHED')";
    }
}
