package io.lede.article;

import java.util.List;

import io.lede.cache.SurrogateKeys;
import io.lede.image.ImageView;
import io.lede.input.Includes;

/**
 * The surrogate keys of a response that shows articles ({@link ArticleResource}): the edge and the
 * response cache drop it when one of them is purged ({@link ArticleKeys} says which a change purges).
 */
final class ArticleResponseKeys {

    private ArticleResponseKeys() {
    }

    /** What a list page depends on: the list (its section's, an entity's, a search's) and each article shown. */
    static SurrogateKeys ofList(ArticleFilter filter, List<ArticleView> items, Includes includes) {
        SurrogateKeys keys = SurrogateKeys.of("articles").sectionList(filter.section());
        if (filter.entity() != null) {
            // Which entity a URI names moves when an entity is created or its URI changes.
            keys.add("entity", filter.entity()).add(SurrogateKeys.ENTITIES);
        }
        if (filter.list().q() != null) {
            keys.add(SurrogateKeys.SEARCH);
        }
        items.forEach(item -> of(keys, item, includes));
        return keys;
    }

    /** What a response showing this article depends on: itself, its translations, what it inlines. */
    static SurrogateKeys of(SurrogateKeys keys, ArticleView article, Includes includes) {
        keys.add("article", article.id()).add("translations", article.translationGroup());
        if (includes.has(ArticleResource.INCLUDE_QUOTES)) {
            BodyBlock.quoteIds(article.body()).forEach(id -> keys.add("quote", id));
            // An inlined quote shows its speaker's entity URI.
            article.body().stream().filter(block -> block instanceof BodyBlock.Quote quote && quote.quote() != null)
                    .forEach(block -> keys.add("entity", ((BodyBlock.Quote) block).quote().speaker().entityId()));
        }
        if (includes.has(ArticleResource.INCLUDE_ENTITIES)) {
            article.entities().forEach(link -> keys.add("entity", link.id()));
        }
        if (includes.has(ArticleResource.INCLUDE_IMAGES)) {
            BodyBlock.imageIds(article.body()).forEach(id -> keys.add("image", id));
            if (article.leadImage() instanceof ImageView image) {
                keys.add("image", image.id());
            }
        }
        return keys;
    }
}
