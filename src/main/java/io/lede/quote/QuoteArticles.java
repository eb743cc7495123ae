package io.lede.quote;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;

/**
 * What the quote feature needs to know of articles: the article a quote was gathered for
 * ({@code articleId}) and who may see a quote. The article feature implements it, so that the quote
 * feature never imports it.
 */
public interface QuoteArticles {

    /**
     * Whether an article has this id; if so it stays locked against deletion until the transaction
     * ends (a quote that links to it is being written).
     */
    boolean holdArticle(UUID articleId);

    /** Of these article ids, the ones of published articles. */
    Set<UUID> publishedAmong(Collection<UUID> articleIds);

    /** A SQL condition true when the article with this id (a column or a placeholder) is published. */
    String publishedArticleSql(String articleId);

}
