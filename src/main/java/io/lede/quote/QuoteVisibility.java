package io.lede.quote;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.All;

/**
 * Who may see a quote. Editors see every quote. Everyone else sees a quote once it could have been
 * read in public: it belongs to no article, its article is published, or a published article shows
 * it (in its body, or in an entry of a live blog). So a quote gathered for an embargoed story stays
 * hidden until the story is out. Even then the public does not learn that the story exists: a
 * quote names its article, and a list filters by it, only while that article is published. What
 * "published" means in SQL is the article feature's to say ({@link QuoteArticles}); who shows a
 * quote, each user's ({@link QuoteUsers}).
 */
@ApplicationScoped
class QuoteVisibility {

    private final QuoteArticles articles;
    private final List<QuoteUsers> users;

    QuoteVisibility(QuoteArticles articles, @All List<QuoteUsers> users) {
        this.articles = articles;
        this.users = users;
    }

    /** A SQL condition on the quote table aliased {@code q}: the public may see the quote. */
    String publicSql(String q) {
        StringBuilder sql = new StringBuilder("(").append(q).append(".article_id is null or ")
                .append(articles.publishedArticleSql(q + ".article_id"));
        users.forEach(user -> sql.append(" or ").append(user.showsPubliclySql(q + ".id")));
        return sql.append(")").toString();
    }

    /** A SQL condition true when the article with this id (a column or a placeholder) is published. */
    String publishedArticleSql(String articleId) {
        return articles.publishedArticleSql(articleId);
    }
}
