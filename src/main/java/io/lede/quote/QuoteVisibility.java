package io.lede.quote;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Who may see a quote. Editors see every quote. Everyone else sees a quote once it could have been
 * read in public: it belongs to no article, its article is published, or a published article's
 * body quotes it. So a quote gathered for an embargoed story stays hidden until the story is out.
 * Even then the public does not learn that the story exists: a quote names its article, and a list
 * filters by it, only while that article is published. What "published" means in SQL is the
 * article feature's to say ({@link QuoteArticles}).
 */
@ApplicationScoped
class QuoteVisibility {

    private final QuoteArticles users;

    QuoteVisibility(QuoteArticles users) {
        this.users = users;
    }

    /** A SQL condition on the quote table aliased {@code q}: the public may see the quote. */
    String publicSql(String q) {
        return "(" + q + ".article_id is null or " + users.publishedArticleSql(q + ".article_id")
                + " or " + users.quotedByPublishedArticleSql(q + ".id") + ")";
    }

    /** A SQL condition true when the article with this id (a column or a placeholder) is published. */
    String publishedArticleSql(String articleId) {
        return users.publishedArticleSql(articleId);
    }
}
