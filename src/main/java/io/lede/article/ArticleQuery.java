package io.lede.article;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.query.NativeQuery;

import io.lede.common.paging.Cursor;
import io.lede.common.sql.NativeQueries;
import io.lede.common.sql.SqlFilter;
import io.lede.common.sql.TextSearch;

/**
 * The article list query: filters, full-text search and keyset paging in SQL. It returns only the
 * keys of a page (id, sort time, rank); the service then loads those rows by id. Native SQL
 * because search differs by database (see {@link SqlFilter}).
 */
@ApplicationScoped
public class ArticleQuery {

    /** The key of one row of a page. */
    public record Row(UUID id, Instant at, Float rank) {

        Cursor cursor(ArticleSort sort) {
            return Cursor.after(sort.apiName(), at, id, rank);
        }
    }

    /** Parts of a cursor's key: time, id, rank (empty unless sorted by relevance). */
    static final int CURSOR_SIZE = 3;

    static final TextSearch SEARCH = new TextSearch("a.search_vector", List.of("a.headline", "a.standfirst", "a.body_text"));

    private final NativeQueries sql;

    public ArticleQuery(NativeQueries sql) {
        this.sql = sql;
    }

    /** Up to {@code limit + 1} rows after the cursor: the extra row tells whether there is a next page. */
    public List<Row> page(ArticleFilter filter) {
        SqlFilter where = filtered(filter);
        String key = sortKey(filter);
        String rank = filter.sort() == ArticleSort.RELEVANCE ? where.rank(SEARCH, filter.q()) : null;
        Cursor after = filter.after();
        if (after != null) {
            String at = where.bind(after.instant(0));
            String id = where.bind(after.uuid(1));
            where.and(switch (filter.sort()) {
                case NEWEST -> "(" + key + ", a.id) < (" + at + ", " + id + ")";
                case OLDEST -> "(" + key + ", a.id) > (" + at + ", " + id + ")";
                case RELEVANCE -> "(" + rank + ", " + key + ", a.id) < (" + where.bind(after.floatOrNull(2)) + ", " + at + ", " + id + ")";
            });
        }
        String order = switch (filter.sort()) {
            case NEWEST -> key + " desc, a.id desc";
            case OLDEST -> key + " asc, a.id asc";
            case RELEVANCE -> rank + " desc, " + key + " desc, a.id desc";
        };
        NativeQuery<Object[]> query = sql.query("select a.id as id, " + key + " as sort_at, "
                + (rank != null ? rank : "cast(null as real)") + " as rank from article a"
                + where.where() + " order by " + order, where);
        query.addScalar("id", UUID.class).addScalar("sort_at", Instant.class).addScalar("rank", Float.class);
        query.setMaxResults(filter.limit() + 1);
        List<Row> rows = new ArrayList<>();
        for (Object[] row : query.getResultList()) {
            rows.add(new Row((UUID) row[0], (Instant) row[1], (Float) row[2]));
        }
        return rows;
    }

    public long count(ArticleFilter filter) {
        return sql.count("article a", filtered(filter));
    }

    /** Drafts have no publication time yet, so lists that may hold them sort by creation time instead. */
    private static String sortKey(ArticleFilter filter) {
        return filter.onlyPublished() ? "a.published_at" : "coalesce(a.published_at, a.created_at)";
    }

    private SqlFilter filtered(ArticleFilter filter) {
        SqlFilter where = sql.filter();
        where.and("a.status in (?)", filter.statuses().stream().map(Enum::name).toList());
        if (filter.section() != null) {
            where.and("a.section = ?", filter.section());
        }
        if (filter.language() != null) {
            where.and("a.language = ?", filter.language());
        }
        if (filter.tag() != null) {
            where.and("exists (select 1 from article_tag t where t.article_id = a.id and lower(t.tag) = ?)",
                    filter.tag().toLowerCase(Locale.ROOT));
        }
        if (filter.from() != null) {
            where.and("a.published_at >= ?", filter.from());
        }
        if (filter.to() != null) {
            where.and("a.published_at < ?", filter.to());
        }
        if (filter.q() != null) {
            where.and(where.matches(SEARCH, filter.q()));
        }
        return where;
    }
}
