package io.lede.quote;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.lede.cache.ContentKeySource;
import io.lede.cache.EntityChange;
import io.lede.cache.SurrogateKeys;

/**
 * What a change to a quote or speaker invalidates: the quote itself ({@code quote-<id>}, also on
 * every article that inlines it), the quote and speaker lists, the speaker it counted for before
 * and after, and the quotes of the article it was linked to before and after
 * ({@code article-quotes-<id>}).
 */
@ApplicationScoped
public class QuoteKeys implements ContentKeySource {

    @Override
    public Set<Class<?>> entities() {
        return Set.of(Quote.class, Speaker.class);
    }

    @Override
    public void keys(EntityChange change, Set<String> keys) {
        keys.add(SurrogateKeys.SPEAKERS);
        if (change.entity() == Speaker.class) {
            keys.add(SurrogateKeys.key("speaker", change.id()));
            return;
        }
        keys.add(SurrogateKeys.key("quote", change.id()));
        keys.add(SurrogateKeys.QUOTES);
        if (change.before("speakerEntityId") != null || change.after("speakerEntityId") != null) {
            // A public quote makes its speaker's entity public: any change to such a quote (its
            // article, its speaker) may show or hide the entity.
            keys.add(SurrogateKeys.ENTITY_VISIBILITY);
        }
        linked(keys, change.before("speaker"), change.before("articleId"));
        linked(keys, change.after("speaker"), change.after("articleId"));
    }

    private static void linked(Set<String> keys, Object speaker, Object article) {
        if (speaker != null) {
            keys.add(SurrogateKeys.key("speaker", speaker));
        }
        if (article != null) {
            keys.add(SurrogateKeys.key("article-quotes", article));
        }
    }
}
