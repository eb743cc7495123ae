package io.lede.quote;

/**
 * Who may see a quote. Editors see every quote. Everyone else sees a quote once it could have been
 * read in public: it belongs to no article, its article is published, or a published article's
 * body quotes it. So a quote gathered for an embargoed story stays hidden until the story is out.
 * Even then the public does not learn that the story exists: a quote names its article, and a list
 * filters by it, only while that article is published.
 */
final class QuoteVisibility {

    private QuoteVisibility() {
    }

    /** A SQL condition on the quote table aliased {@code q}. */
    static String publicSql(String q) {
        return "(" + q + ".article_id is null"
                + " or exists (select 1 from article va where va.id = " + q + ".article_id and va.status = 'PUBLISHED')"
                + " or exists (select 1 from article_quote vq join article vb on vb.id = vq.article_id"
                + " where vq.quote_id = " + q + ".id and vb.status = 'PUBLISHED'))";
    }

    /** A SQL condition true when the article with this id (a column or a placeholder) is published. */
    static String publishedArticleSql(String articleId) {
        return "exists (select 1 from article pa where pa.id = " + articleId + " and pa.status = 'PUBLISHED')";
    }
}
