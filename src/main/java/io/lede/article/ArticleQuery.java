package io.lede.article;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.query.NativeQuery;

/**
 * The article list query: filters, full-text search and keyset paging in SQL. It returns only the
 * keys of a page (id, sort time, rank); the service then loads those rows by id.
 *
 * <p>Native SQL because search differs by database: PostgreSQL matches the weighted
 * {@code search_vector} (GIN-indexed) with {@code websearch_to_tsquery} and ranks by
 * {@code ts_rank}; H2 has no full-text of that kind, so it falls back to case-insensitive word
 * matching with a headline > standfirst > body score. Everything else is the same SQL on both.
 */
@ApplicationScoped
public class ArticleQuery {

    /** The key of one row of a page. */
    public record Row(UUID id, Instant at, Float rank) {
    }

    private static final int MAX_FALLBACK_WORDS = 8;

    private final EntityManager entityManager;
    private final boolean postgres;

    public ArticleQuery(EntityManager entityManager, @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind) {
        this.entityManager = entityManager;
        this.postgres = dbKind.toLowerCase(Locale.ROOT).startsWith("postgres");
    }

    /** Up to {@code limit + 1} rows after the cursor: the extra row tells whether there is a next page. */
    public List<Row> page(ArticleFilter filter) {
        Sql sql = filtered(filter);
        String key = sortKey(filter);
        String rank = filter.sort() == ArticleSort.RELEVANCE ? sql.rank(filter.q()) : null;
        if (filter.after() != null) {
            sql.conditions.add(keysetCondition(filter, key, rank));
            sql.params.put("afterAt", filter.after().at());
            sql.params.put("afterId", filter.after().id());
            if (rank != null) {
                sql.params.put("afterRank", filter.after().rank());
            }
        }
        String order = switch (filter.sort()) {
            case NEWEST -> key + " desc, a.id desc";
            case OLDEST -> key + " asc, a.id asc";
            case RELEVANCE -> rank + " desc, " + key + " desc, a.id desc";
        };
        String select = "select a.id as id, " + key + " as sort_at, "
                + (rank != null ? rank : "cast(null as real)") + " as rank from article a"
                + sql.where() + " order by " + order;
        NativeQuery<Object[]> query = native_(select, sql.params);
        query.addScalar("id", UUID.class).addScalar("sort_at", Instant.class).addScalar("rank", Float.class);
        query.setMaxResults(filter.limit() + 1);
        List<Row> rows = new ArrayList<>();
        for (Object[] row : query.getResultList()) {
            rows.add(new Row((UUID) row[0], (Instant) row[1], (Float) row[2]));
        }
        return rows;
    }

    public long count(ArticleFilter filter) {
        Sql sql = filtered(filter);
        NativeQuery<?> query = native_("select count(*) as total from article a" + sql.where(), sql.params);
        query.addScalar("total", Long.class);
        return ((Number) query.getSingleResult()).longValue();
    }

    @SuppressWarnings("unchecked")
    private NativeQuery<Object[]> native_(String sql, Map<String, Object> params) {
        NativeQuery<Object[]> query = entityManager.createNativeQuery(sql).unwrap(NativeQuery.class);
        params.forEach(query::setParameter);
        return query;
    }

    /** Drafts have no publication time yet, so lists that may hold them sort by creation time instead. */
    private static String sortKey(ArticleFilter filter) {
        return filter.onlyPublished() ? "a.published_at" : "coalesce(a.published_at, a.created_at)";
    }

    private static String keysetCondition(ArticleFilter filter, String key, String rank) {
        return switch (filter.sort()) {
            case NEWEST -> "(" + key + ", a.id) < (:afterAt, :afterId)";
            case OLDEST -> "(" + key + ", a.id) > (:afterAt, :afterId)";
            case RELEVANCE -> "(" + rank + ", " + key + ", a.id) < (:afterRank, :afterAt, :afterId)";
        };
    }

    private Sql filtered(ArticleFilter filter) {
        Sql sql = new Sql();
        sql.conditions.add("a.status in (:statuses)");
        sql.params.put("statuses", filter.statuses().stream().map(Enum::name).toList());
        if (filter.section() != null) {
            sql.conditions.add("a.section = :section");
            sql.params.put("section", filter.section());
        }
        if (filter.language() != null) {
            sql.conditions.add("a.language = :language");
            sql.params.put("language", filter.language());
        }
        if (filter.tag() != null) {
            sql.conditions.add("exists (select 1 from article_tag t where t.article_id = a.id and lower(t.tag) = :tag)");
            sql.params.put("tag", filter.tag().toLowerCase(Locale.ROOT));
        }
        if (filter.from() != null) {
            sql.conditions.add("a.published_at >= :from");
            sql.params.put("from", filter.from());
        }
        if (filter.to() != null) {
            sql.conditions.add("a.published_at < :to");
            sql.params.put("to", filter.to());
        }
        if (filter.q() != null) {
            sql.conditions.add(sql.match(filter.q()));
        }
        return sql;
    }

    /** A where clause under construction, with its named parameters. */
    private final class Sql {
        final List<String> conditions = new ArrayList<>();
        final Map<String, Object> params = new LinkedHashMap<>();
        private int wordParams;

        String where() {
            return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        }

        String match(String q) {
            if (postgres) {
                params.put("q", q);
                return "a.search_vector @@ websearch_to_tsquery('simple', :q)";
            }
            List<String> each = new ArrayList<>();
            for (String word : words(q)) {
                each.add("(" + String.join(" or ", likes(word)) + ")");
            }
            return each.isEmpty() ? "1 = 0" : String.join(" and ", each);
        }

        String rank(String q) {
            if (postgres) {
                params.put("q", q);
                return "ts_rank(a.search_vector, websearch_to_tsquery('simple', :q))";
            }
            List<String> scores = new ArrayList<>();
            for (String word : words(q)) {
                List<String> likes = likes(word);
                scores.add("case when " + likes.get(0) + " then 4 else 0 end");
                scores.add("case when " + likes.get(1) + " then 2 else 0 end");
                scores.add("case when " + likes.get(2) + " then 1 else 0 end");
            }
            return scores.isEmpty() ? "cast(0 as real)" : "cast(" + String.join(" + ", scores) + " as real)";
        }

        private List<String> words(String q) {
            List<String> words = new ArrayList<>();
            for (String word : q.toLowerCase(Locale.ROOT).split("[\\s\"]+")) {
                if (!word.isBlank() && words.size() < MAX_FALLBACK_WORDS) {
                    words.add(word);
                }
            }
            return words;
        }

        /** The headline, standfirst and body conditions for one word, sharing one parameter. */
        private List<String> likes(String word) {
            String name = "w" + wordParams++;
            params.put(name, "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            return List.of(
                    "lower(a.headline) like :" + name + " escape '\\'",
                    "lower(coalesce(a.standfirst, '')) like :" + name + " escape '\\'",
                    "lower(a.body_text) like :" + name + " escape '\\'");
        }
    }
}
