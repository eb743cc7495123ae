package io.lede.article;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.lede.error.Problem;
import io.lede.error.ProblemException;
import io.lede.input.Includes;
import io.lede.image.ImageService;
import io.lede.image.ImageView;
import io.lede.quote.QuoteService;
import io.lede.quote.QuoteView;
import io.lede.security.Audience;

/**
 * The quotes and images a body of blocks refers to, for bodies other than an article's own (live
 * blog entries): the same checks on write and the same inlining with {@code include=} as articles.
 * Must run inside the writer's transaction: the quotes and images found stay locked against
 * deletion until it commits.
 */
@ApplicationScoped
public class BodyReferences {

    public static final String INCLUDE_QUOTES = ArticleResource.INCLUDE_QUOTES;
    public static final String INCLUDE_IMAGES = ArticleResource.INCLUDE_IMAGES;
    public static final Set<String> INCLUDES = ArticleResource.INCLUDES;

    private final QuoteService quotes;
    private final ImageService images;

    public BodyReferences(QuoteService quotes, ImageService images) {
        this.quotes = quotes;
        this.images = images;
    }

    /** A 400 naming {@code body[i].quoteId} / {@code body[i].imageId} for each block whose object does not exist. */
    public void requireExisting(List<BodyBlock> body) {
        requireExisting(body, null);
    }

    /**
     * The same, with a lead image too (null: none), checked in the same image query; its error,
     * {@code leadImage}, comes after the body's. The ones found stay locked against deletion until
     * the caller's transaction commits ({@code missing} locks them), so none goes between the check
     * and the write.
     */
    public void requireExisting(List<BodyBlock> body, UUID leadImage) {
        Set<UUID> missingQuotes = quotes.missing(BodyBlock.quoteIds(body));
        List<UUID> imageIds = new ArrayList<>(BodyBlock.imageIds(body));
        if (leadImage != null) {
            imageIds.add(leadImage);
        }
        Set<UUID> missingImages = images.missing(imageIds);
        if (missingQuotes.isEmpty() && missingImages.isEmpty()) {
            return;
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            if (body.get(i) instanceof BodyBlock.Quote quote && missingQuotes.contains(quote.quoteId())) {
                errors.add(new Problem.FieldError("body[" + i + "].quoteId", "no quote has this id"));
            }
            if (body.get(i) instanceof BodyBlock.Image image && missingImages.contains(image.imageId())) {
                errors.add(new Problem.FieldError("body[" + i + "].imageId", "no image has this id"));
            }
        }
        if (leadImage != null && missingImages.contains(leadImage)) {
            errors.add(new Problem.FieldError("leadImage", "no image has this id"));
        }
        throw new ProblemException(Problem.validation(errors));
    }

    /** Looks up, in one query per kind, what {@code include=} asks to inline into these bodies. */
    public Inliner inliner(Collection<List<BodyBlock>> bodies, Includes includes, boolean editor) {
        Map<UUID, QuoteView> quoteViews = includes.has(INCLUDE_QUOTES)
                ? quotes.views(bodies.stream().flatMap(body -> BodyBlock.quoteIds(body).stream()).toList(),
                        editor ? Audience.EDITOR : Audience.ANONYMOUS)
                : Map.of();
        Map<UUID, ImageView> imageViews = includes.has(INCLUDE_IMAGES)
                ? images.views(bodies.stream().flatMap(body -> BodyBlock.imageIds(body).stream()).toList())
                : Map.of();
        return new Inliner(includes, quoteViews, imageViews);
    }

    /** Bodies with their quote and image blocks carrying the objects they name (those that still exist). */
    public record Inliner(Includes includes, Map<UUID, QuoteView> quotes, Map<UUID, ImageView> images) {

        public List<BodyBlock> inline(List<BodyBlock> body) {
            if (!includes.has(INCLUDE_QUOTES) && !includes.has(INCLUDE_IMAGES)) {
                return body;
            }
            return body.stream().map(block -> {
                if (block instanceof BodyBlock.Quote quote && includes.has(INCLUDE_QUOTES)) {
                    return quote.with(quotes.get(quote.quoteId()));
                }
                if (block instanceof BodyBlock.Image image && includes.has(INCLUDE_IMAGES)) {
                    return image.with(images.get(image.imageId()));
                }
                return block;
            }).toList();
        }
    }
}
