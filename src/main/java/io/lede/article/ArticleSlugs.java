package io.lede.article;

import jakarta.enterprise.context.ApplicationScoped;

import io.lede.db.RetryOnConflictInterceptor;
import io.lede.error.ProblemException;
import io.lede.error.ProblemType;
import io.lede.text.Ids;

/** Which slug an article gets when it is written. */
@ApplicationScoped
class ArticleSlugs {

    private final ArticleRepository articles;

    ArticleSlugs(ArticleRepository articles) {
        this.articles = articles;
    }

    /**
     * The slug the client sent (409 when another article has it), the one the article has, or one
     * made from the headline: the first of {@code base}, {@code base-2}, {@code base-3}... that is
     * free. Writers racing with one headline all find the same one free and all but one lose; run
     * again (RetryOnConflict), the losers see the winner's slug and take the next free number, so a
     * race ends with the slugs the writers would have got one after another. Only a burst larger
     * than the retries can absorb takes, on the last attempt, one made unique by the article's id,
     * rather than fail a create that broke no rule.
     */
    String choose(ArticleRequest request, Article article) {
        if (request.slug() != null) {
            if (Ids.looksLikeId(request.slug()) && !request.slug().equals(article.slug)) {
                // /v1/articles/{idOrSlug} reads it as an id first: the article would be unreachable by it.
                throw ProblemException.invalid("slug", "must not have the shape of an article id");
            }
            if (articles.slugTaken(request.slug(), article.id)) {
                throw ProblemException.of(ProblemType.CONFLICT, "The slug '" + request.slug() + "' is already used by another article");
            }
            return request.slug();
        }
        if (article.slug != null) {
            return article.slug;
        }
        String own = article.id.toString().substring(0, 8);
        String base = Slugs.from(request.headline());
        if (base.isEmpty()) {
            return "article-" + own;
        }
        if (Ids.looksLikeId(base)) {
            base = "article-" + base;
        }
        if (!articles.slugTaken(base, article.id)) {
            return base;
        }
        if (RetryOnConflictInterceptor.isLastAttempt()) {
            return Slugs.withSuffix(base, own);
        }
        String slug;
        for (int n = 2;; n++) {
            slug = Slugs.withSuffix(base, Integer.toString(n));
            if (!articles.slugTaken(slug, article.id)) {
                return slug;
            }
        }
    }
}
