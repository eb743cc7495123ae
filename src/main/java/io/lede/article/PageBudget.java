package io.lede.article;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.lede.db.InList;

/**
 * How many articles one page can hold. A page of 100 articles near the 1 MiB body limit would be
 * over 300 MB on the heap while it is rendered (ninjs writes the text twice, plain and HTML, and
 * escaped): such a page (a list, a search, a sync page, a feed) stops short of its limit instead,
 * and its next cursor or sync token starts after its last item. Weighed by one look-up of the body
 * lengths, before anything is loaded.
 */
@ApplicationScoped
public class PageBudget {

    /** Characters of body text one page of articles holds at most, unless its first item alone is longer. */
    public static final long TEXT_BUDGET = 1_000_000;

    private final ArticleRepository articles;

    PageBudget(ArticleRepository articles) {
        this.articles = articles;
    }

    /** How many of these articles, from the first, fit in one page: always at least one. */
    public int fitting(List<UUID> ids) {
        if (ids.size() < 2) {
            return ids.size();
        }
        Map<UUID, Long> sizes = textSizes(ids);
        long total = 0;
        for (int i = 0; i < ids.size(); i++) {
            total += sizes.getOrDefault(ids.get(i), 0L);
            if (total > TEXT_BUDGET && i > 0) {
                return i;
            }
        }
        return ids.size();
    }

    private Map<UUID, Long> textSizes(List<UUID> ids) {
        InList in = InList.of("id", List.copyOf(ids));
        List<Object[]> rows = in.bind(articles.getEntityManager().createQuery(
                "select a.id, length(a.bodyText) from Article a where a.id in " + in.placeholders(), Object[].class))
                .getResultList();
        Map<UUID, Long> sizes = new HashMap<>();
        for (Object[] row : rows) {
            sizes.put((UUID) row[0], row[1] == null ? 0L : ((Number) row[1]).longValue());
        }
        return sizes;
    }
}
