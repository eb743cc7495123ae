package io.lede.live.stream;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.lede.article.ArticleStatus;
import io.lede.cache.SurrogateKeys;
import io.lede.db.InList;
import io.lede.entity.EntityService;
import io.lede.text.Ids;
import io.lede.quote.QuoteQuery;

/**
 * Which surrogate keys of a change the public may learn of, for {@code GET /v1/events}. The keys
 * of a write are computed for caches, which also hold editors' copies: a draft's edit touches
 * {@code article-<id>}, and a quote gathered for an embargoed story names it. The stream tells
 * the public only what touches content it could have read:
 * <ul>
 * <li>item keys of articles ({@code article-}, {@code article-quotes-}) whose article is published,
 * was published once (a reader may hold a copy, and must learn that it was withdrawn), or was
 * deleted after it was; {@code entries-} only while the blog is published (a withdrawn blog's
 * entries are not public, so editing them changes nothing a reader holds);
 * <li>{@code quote-<id>} of a quote the public may see, or of one that is gone;
 * {@code image-<id>} (images are public); {@code entity-<id>} of an entity published content shows,
 * or of one that is gone;
 * <li>and then the set keys that came with them: sections, search, lists, {@code speaker-<id>}
 * alongside a public quote.
 * </ul>
 * A change without such an item key is not public at all; unknown kinds (token keys) never are.
 * Runs inside a transaction, after the change committed.
 */
@ApplicationScoped
public class PublicKeys {

    private static final Set<String> SET_KEYS = Set.of(SurrogateKeys.ALL_SECTIONS, SurrogateKeys.SEARCH,
            SurrogateKeys.QUOTE_VISIBILITY, SurrogateKeys.QUOTES, SurrogateKeys.SPEAKERS, SurrogateKeys.IMAGES,
            SurrogateKeys.SYNC, SurrogateKeys.ENTITIES, SurrogateKeys.ENTITY_VISIBILITY, SurrogateKeys.CORRECTIONS);
    private static final List<String> ARTICLE_KINDS = List.of("article-quotes", "article", "entries");

    private final EntityManager entityManager;
    private final QuoteQuery quotes;
    private final EntityService entities;

    public PublicKeys(EntityManager entityManager, QuoteQuery quotes, EntityService entities) {
        this.entityManager = entityManager;
        this.quotes = quotes;
        this.entities = entities;
    }

    /** The public ones of these keys, sorted; empty when the change is not public. */
    public Set<String> of(Set<String> keys) {
        Set<UUID> articles = new LinkedHashSet<>();
        keys.forEach(key -> articleOf(key).ifPresent(articles::add));
        Set<UUID> publishedArticles = new LinkedHashSet<>();
        Set<UUID> publicArticles = publicArticles(articles, publishedArticles);
        Set<String> items = new TreeSet<>();
        boolean publicQuote = false;
        for (String key : keys) {
            Optional<UUID> article = articleOf(key);
            if (article.isPresent()) {
                if (key.startsWith("entries-") ? publishedArticles.contains(article.get()) : publicArticles.contains(article.get())) {
                    items.add(key);
                }
            } else if (key.startsWith("quote-") && !key.equals(SurrogateKeys.QUOTE_VISIBILITY)) {
                Optional<UUID> quote = Ids.parse(key.substring("quote-".length()));
                if (quote.isPresent() && (quotes.isPublic(quote.get()) || gone(quote.get()))) {
                    items.add(key);
                    publicQuote = true;
                }
            } else if (key.startsWith("image-")) {
                items.add(key);
            } else if (key.startsWith("entity-") && !key.equals(SurrogateKeys.ENTITY_VISIBILITY)) {
                Optional<UUID> entity = Ids.parse(key.substring("entity-".length()));
                if (entity.isPresent() && entities.publicOrGone(entity.get())) {
                    items.add(key);
                }
            }
        }
        if (items.isEmpty()) {
            return Set.of();
        }
        Set<String> shown = new TreeSet<>(items);
        for (String key : keys) {
            if (SET_KEYS.contains(key) || key.startsWith("section-") || key.startsWith("translations-")
                    || publicQuote && key.startsWith("speaker-")) {
                shown.add(key);
            }
        }
        return shown;
    }

    /** The article an item key names ({@code article-<id>}, {@code entries-<id>}, {@code article-quotes-<id>}). */
    static Optional<UUID> articleOf(String key) {
        for (String kind : ARTICLE_KINDS) {
            if (key.startsWith(kind + "-")) {
                return Ids.parse(key.substring(kind.length() + 1));
            }
        }
        return Optional.empty();
    }

    /** Of these articles, the ones the public may hear of; those published now are also added to {@code published}. */
    private Set<UUID> publicArticles(Set<UUID> ids, Set<UUID> published) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        InList in = InList.of("id", List.copyOf(ids));
        Set<UUID> found = new LinkedHashSet<>();
        for (Object[] row : in.bind(entityManager.createQuery("select a.id, a.status from Article a where a.id in "
                + in.placeholders() + " and (a.status = :published or a.firstPublishedAt is not null)", Object[].class))
                .setParameter("published", ArticleStatus.PUBLISHED).getResultList()) {
            found.add((UUID) row[0]);
            if (row[1] == ArticleStatus.PUBLISHED) {
                published.add((UUID) row[0]);
            }
        }
        found.addAll(in.bind(entityManager.createQuery("select t.id from ArticleTombstone t where t.id in " + in.placeholders(),
                UUID.class)).getResultList());
        return found;
    }

    private boolean gone(UUID quote) {
        return entityManager.createQuery("select count(q) from Quote q where q.id = :id", Long.class)
                .setParameter("id", quote).getSingleResult() == 0;
    }
}
