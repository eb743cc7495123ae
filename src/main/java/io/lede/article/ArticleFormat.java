package io.lede.article;

import java.util.Set;

import io.lede.paging.CursorPage;
import io.lede.security.Audience;

/**
 * Articles in a standard other than Lede's own JSON, picked with {@code format=} on
 * {@code GET /v1/articles} and {@code GET /v1/articles/{idOrSlug}}. The standards are implemented
 * elsewhere (io.lede.syndication), so that articles never depend on how they are syndicated.
 */
public interface ArticleFormat {

    /** The value of {@code format=} that picks this format. */
    String name();

    /** The Content-Type of its responses. */
    String mediaType();

    /** One article, with its images and quotes inlined (include=images,quotes). */
    Rendered item(ArticleView article, Target target);

    /** A page of articles as Lede's JSON would send it (items, next, cursor, total), with images and quotes inlined. */
    Rendered page(CursorPage<ArticleView> page, Target target);

    /**
     * Who reads and where: {@code apiBase} is the absolute base URL of the API, for image URLs a
     * partner can fetch from anywhere.
     */
    record Target(String apiBase, Audience audience) {
    }

    /**
     * A document to serialise, and the surrogate keys of anything it shows beyond the articles and
     * what they inline (a live blog's entries).
     */
    record Rendered(Object document, Set<String> keys) {
    }
}
