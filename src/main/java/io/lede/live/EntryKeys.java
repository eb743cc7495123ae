package io.lede.live;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.lede.cache.ContentKeySource;
import io.lede.cache.EntityChange;
import io.lede.cache.SurrogateKeys;

/**
 * What a change to an entry invalidates: only its own live blog's entries ({@code entries-<article>}),
 * which every entry response carries. The article itself, its lists and every other article's
 * responses stay cached: a blog updated every minute must not make the whole cache churn.
 */
@ApplicationScoped
public class EntryKeys implements ContentKeySource {

    /** The key of one live blog's entries. */
    static String of(Object articleId) {
        return SurrogateKeys.key("entries", articleId);
    }

    /** A new entry that quotes nothing: its (empty) quote list is written, but no quote's visibility changes. */
    private static boolean quotesNothing(EntityChange change) {
        return change.after("version") instanceof Number version && version.longValue() == 0
                && change.after("body") instanceof java.util.List<?> body
                && body.stream().noneMatch(io.lede.article.BodyBlock.Quote.class::isInstance);
    }

    @Override
    public Set<Class<?>> entities() {
        return Set.of(Entry.class);
    }

    @Override
    public void keys(EntityChange change, Set<String> keys) {
        if (change.kind() == EntityChange.Kind.COLLECTION && "quoteIds".equals(change.collection()) && !quotesNothing(change)) {
            // A quote shown in a published blog's entry is public because of it (QuoteVisibility).
            keys.add(SurrogateKeys.QUOTE_VISIBILITY);
        }
        Object before = change.before("articleId");
        Object after = change.after("articleId");
        if (before != null) {
            keys.add(of(before));
        }
        if (after != null) {
            keys.add(of(after));
        }
    }
}
