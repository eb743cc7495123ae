package io.lede.article;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.lede.image.ImageService;
import io.lede.image.ImageView;
import io.lede.input.Includes;
import io.lede.quote.QuoteService;
import io.lede.quote.QuoteView;
import io.lede.security.Audience;

/**
 * With include=quotes or include=images, an article's blocks (and its lead image) carry their
 * objects; with include=entities, its entity links carry their entities.
 */
@ApplicationScoped
class ArticleIncludes {

    private final QuoteService quotes;
    private final ImageService images;
    private final ArticleEntities entities;

    ArticleIncludes(QuoteService quotes, ImageService images, ArticleEntities entities) {
        this.quotes = quotes;
        this.images = images;
        this.entities = entities;
    }

    /** The articles with what they include inlined: one query per kind per page. */
    List<ArticleView> inline(List<ArticleView> views, Includes includes, Audience audience) {
        List<ArticleView> result = views;
        if (includes.has(ArticleResource.INCLUDE_QUOTES)) {
            Map<UUID, QuoteView> byId = quotes.views(result.stream().flatMap(view -> BodyBlock.quoteIds(view.body()).stream()).toList(),
                    audience);
            result = result.stream().map(view -> view.withBody(view.body().stream()
                    .map(block -> block instanceof BodyBlock.Quote quote ? quote.with(byId.get(quote.quoteId())) : block)
                    .toList())).toList();
        }
        if (includes.has(ArticleResource.INCLUDE_IMAGES)) {
            List<UUID> ids = new ArrayList<>();
            result.forEach(view -> {
                ids.addAll(BodyBlock.imageIds(view.body()));
                if (view.leadImage() != null) {
                    ids.add(UUID.fromString(view.leadImage().toString()));
                }
            });
            Map<UUID, ImageView> byId = images.views(ids);
            result = result.stream().map(view -> view
                    .withLeadImage(view.leadImage() == null ? null : byId.get(UUID.fromString(view.leadImage().toString())))
                    .withBody(view.body().stream()
                            .map(block -> block instanceof BodyBlock.Image image ? image.with(byId.get(image.imageId())) : block)
                            .toList())).toList();
        }
        if (includes.has(ArticleResource.INCLUDE_ENTITIES)) {
            result = entities.inline(result);
        }
        return result;
    }
}
