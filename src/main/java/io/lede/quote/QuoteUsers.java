package io.lede.quote;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Who uses quotes: the articles whose bodies quote them, and the article each quote was gathered
 * for ({@code articleId}). Articles refer to quotes, never the other way round, so the article
 * feature implements this for the quote feature, which never imports it.
 */
public interface QuoteUsers {

    /** Slugs of the published or scheduled articles whose body quotes this quote, in order. */
    List<String> liveUsersOf(UUID quoteId);

    /**
     * Whether an article has this id; if so it stays locked against deletion until the transaction
     * ends (a quote that links to it is being written).
     */
    boolean holdArticle(UUID articleId);

    /** Of these article ids, the ones of published articles. */
    Set<UUID> publishedAmong(Collection<UUID> articleIds);

    /** A SQL condition true when the article with this id (a column or a placeholder) is published. */
    String publishedArticleSql(String articleId);

    /** A SQL condition true when a published article's body quotes the quote with this id (a column). */
    String quotedByPublishedArticleSql(String quoteId);
}
