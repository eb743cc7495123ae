package io.lede.syndication;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.lede.article.ArticleView;
import io.lede.article.BodyBlock;
import io.lede.image.ImageView;
import io.lede.quote.QuoteView;

/**
 * What both standards take from an article that has its images and quotes inlined: its pictures
 * (lead image first, each once) and its quotes (body order, each once), and the URLs and ids they
 * are published under.
 */
final class Syndicated {

    private Syndicated() {
    }

    /** A picture of the article, and whether it is the lead image. */
    record Picture(ImageView image, boolean lead) {
    }

    /** The article's global identifier: the same {@code urn:uuid:} its Atom feed entries carry. */
    static String uri(String id) {
        return "urn:uuid:" + id;
    }

    static List<Picture> pictures(ArticleView article) {
        Map<String, Picture> byId = new LinkedHashMap<>();
        if (article.leadImage() instanceof ImageView lead) {
            byId.put(lead.id(), new Picture(lead, true));
        }
        for (BodyBlock block : article.body()) {
            if (block instanceof BodyBlock.Image image && image.image() != null) {
                byId.putIfAbsent(image.image().id(), new Picture(image.image(), false));
            }
        }
        return List.copyOf(byId.values());
    }

    /** Quotes the reader may see (a quote not visible to the caller was not inlined), each once. */
    static List<QuoteView> quotes(ArticleView article) {
        Map<String, QuoteView> byId = new LinkedHashMap<>();
        for (BodyBlock block : article.body()) {
            if (block instanceof BodyBlock.Quote quote && quote.quote() != null) {
                byId.putIfAbsent(quote.quote().id(), quote.quote());
            }
        }
        return new ArrayList<>(byId.values());
    }

}
