package io.lede.article;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.lede.quote.QuoteView;

/**
 * Shapes of {@link ArticleResource}'s list responses, for the OpenAPI document only (the responses
 * are written by {@code Representations}). The name sorts after {@code ArticleView} on purpose:
 * scanned before it (as {@code ArticleDocs}), SmallRye OpenAPI wrote {@code Article.live} without
 * its {@code null}, and the document drifted.
 */
final class ArticleViewShapes {

    private ArticleViewShapes() {
    }

    /** The shape of an article's quote list, for the OpenAPI document. */
    @Schema(name = "ArticleQuotes")
    record QuotePage(
            @Schema(required = true) List<QuoteView> items,
            @Schema(required = true, nullable = true, type = SchemaType.STRING, description = "Always null: one page") String next) {
    }

    /** The shape of a list response, for the OpenAPI document. */
    @Schema(name = "ArticlePage")
    record ArticlePage(
            @Schema(required = true) List<ArticleView> items,
            @Schema(required = true, nullable = true, description = "Relative URL of the next page; null on the last") String next,
            @Schema(description = "Number of matching articles; only with count=true") Long total) {
    }
}
