package io.lede.article;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import io.lede.db.NativeQueries;
import io.lede.db.SqlFilter;
import io.lede.db.TextSearch;
import io.lede.paging.TimeKeyset;
import io.lede.paging.TimeOrder;

/** The article list query: filters and full-text search, paged by {@link TimeKeyset}. */
@ApplicationScoped
public class ArticleQuery {

    static final TextSearch SEARCH = new TextSearch("a.search_vector", List.of("a.headline", "a.standfirst", "a.body_text"));

    private final NativeQueries sql;
    private final TimeKeyset keyset;

    public ArticleQuery(NativeQueries sql, TimeKeyset keyset) {
        this.sql = sql;
        this.keyset = keyset;
    }

    public List<TimeKeyset.Row> page(ArticleFilter filter) {
        return keyset.page(pageQuery(filter));
    }

    /** The database's plan for {@link #page}: how tests check that search and filters use their indexes. */
    public List<String> explainPage(ArticleFilter filter) {
        return keyset.explain(pageQuery(filter));
    }

    private TimeKeyset.Query pageQuery(ArticleFilter filter) {
        SqlFilter where = filtered(filter);
        String rank = filter.list().order() == TimeOrder.RELEVANCE ? where.rank(SEARCH, filter.list().q()) : null;
        return new TimeKeyset.Query("article a", "a.id", sortKey(filter), rank, where, filter.list().order(),
                filter.list().after(), filter.list().limit());
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
        if (filter.list().language() != null) {
            where.and("a.language = ?", filter.list().language());
        }
        if (filter.tag() != null) {
            where.and("exists (select 1 from article_tag t where t.article_id = a.id and lower(t.tag) = ?)",
                    filter.tag().toLowerCase(Locale.ROOT));
        }
        if (filter.list().from() != null) {
            where.and("a.published_at >= ?", filter.list().from());
        }
        if (filter.list().to() != null) {
            where.and("a.published_at < ?", filter.list().to());
        }
        if (filter.list().q() != null) {
            where.and(where.matches(SEARCH, filter.list().q()));
        }
        return where;
    }
}
