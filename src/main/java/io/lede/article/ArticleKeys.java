package io.lede.article;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.lede.cache.ContentKeySource;
import io.lede.cache.EntityChange;
import io.lede.cache.SurrogateKeys;

/**
 * What a change to an article invalidates, from its state before and after:
 * <ul>
 * <li>always {@code article-<id>}: its own responses and every list that shows it;
 * <li>when it is or was published: {@code search}, and {@code sync};
 * <li>when that changes which lists it is on or where (published or not, section, language,
 * publication time, tags, or it came or went): {@code section-<old>} and {@code section-<new>},
 * {@code all-sections};
 * <li>when what its translations show of it changes (published or not, slug, language, group):
 * {@code translations-<group>}, old group and new;
 * <li>when it goes public or private or changes the quotes it uses while public:
 * {@code quote-visibility}; when it goes public or private or changes its entity links or
 * contributors while public: {@code entity-visibility}; when it goes public or private:
 * {@code corrections} (the public list shows published articles' corrections only);
 * <li>a correction: {@code corrections} and the article.
 * </ul>
 * A headline edit of a published article so leaves other articles' responses, and lists it is not
 * on, in place. Tombstones feed only {@code /v1/sync}.
 */
@ApplicationScoped
public class ArticleKeys implements ContentKeySource {

    @Override
    public Set<Class<?>> entities() {
        return Set.of(Article.class, ArticleTombstone.class, Correction.class);
    }

    @Override
    public void keys(EntityChange change, Set<String> keys) {
        keys.add(SurrogateKeys.SYNC);
        if (change.entity() == ArticleTombstone.class) {
            return;
        }
        if (change.entity() == Correction.class) {
            // The article's own update (materiallyUpdatedAt) says the rest.
            keys.add(SurrogateKeys.CORRECTIONS);
            add(keys, "article", change.after("articleId"));
            return;
        }
        keys.add(SurrogateKeys.key("article", change.id()));
        if (change.kind() == EntityChange.Kind.COLLECTION) {
            collectionChanged(change, keys);
            return;
        }
        boolean wasPublic = published(change.before());
        boolean isPublic = published(change.after());
        if (!wasPublic && !isPublic) {
            // Drafts, scheduled and archived articles are in no public response.
            return;
        }
        boolean cameOrWent = wasPublic != isPublic;
        keys.add(SurrogateKeys.SEARCH);
        if (cameOrWent || differs(change, "section", "language", "publishedAt")) {
            if (wasPublic) {
                add(keys, "section", change.before("section"));
            }
            if (isPublic) {
                add(keys, "section", change.after("section"));
            }
            keys.add(SurrogateKeys.ALL_SECTIONS);
        }
        if (cameOrWent || differs(change, "slug", "language", "translationGroup")) {
            if (wasPublic) {
                add(keys, "translations", change.before("translationGroup"));
            }
            if (isPublic) {
                add(keys, "translations", change.after("translationGroup"));
            }
        }
        if (cameOrWent) {
            keys.add(SurrogateKeys.QUOTE_VISIBILITY);
            keys.add(SurrogateKeys.ENTITY_VISIBILITY);
            keys.add(SurrogateKeys.CORRECTIONS);
        }
    }

    /** Tags filter lists; the quotes a published article uses are public because of it. */
    private static void collectionChanged(EntityChange change, Set<String> keys) {
        if (change.after() == null) {
            // The owner is gone or unknown: its own removal says the rest.
            return;
        }
        if (!published(change.after())) {
            return;
        }
        switch (change.collection()) {
            case "quoteIds" -> keys.add(SurrogateKeys.QUOTE_VISIBILITY);
            // Which entities are public follows published articles' links and contributors; both filter lists too.
            case "entityIds" -> {
                keys.add(SurrogateKeys.ENTITY_VISIBILITY);
                keys.add(SurrogateKeys.SEARCH);
                add(keys, "section", change.after("section"));
                keys.add(SurrogateKeys.ALL_SECTIONS);
            }
            // They follow the body and lead image, which the article's own update covers.
            case "imageIds" -> { }
            // Tags filter lists; anything else is assumed to as well.
            default -> {
                keys.add(SurrogateKeys.SEARCH);
                add(keys, "section", change.after("section"));
                keys.add(SurrogateKeys.ALL_SECTIONS);
            }
        }
    }

    private static void add(Set<String> keys, String kind, Object id) {
        if (id != null) {
            keys.add(SurrogateKeys.key(kind, id));
        }
    }

    private static boolean published(Map<String, Object> state) {
        return state != null && state.get("status") == ArticleStatus.PUBLISHED;
    }

    private static boolean differs(EntityChange change, String... properties) {
        for (String property : properties) {
            if (!Objects.equals(change.before(property), change.after(property))) {
                return true;
            }
        }
        return false;
    }
}
