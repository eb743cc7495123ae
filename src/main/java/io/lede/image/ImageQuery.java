package io.lede.image;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import io.lede.db.NativeQueries;
import io.lede.db.SqlFilter;
import io.lede.db.TextSearch;
import io.lede.paging.Cursor;
import io.lede.paging.TimeKeyset;
import io.lede.paging.TimeOrder;

/** The image list query: newest first, searchable over caption, alt text and credit. */
@ApplicationScoped
public class ImageQuery {

    static final TextSearch SEARCH = new TextSearch("i.search_vector", null, List.of("i.caption", "i.alt_text", "i.credit"));

    private final NativeQueries sql;
    private final TimeKeyset keyset;

    public ImageQuery(NativeQueries sql, TimeKeyset keyset) {
        this.sql = sql;
        this.keyset = keyset;
    }

    public List<TimeKeyset.Row> page(String q, String credit, Cursor after, int limit) {
        SqlFilter where = filtered(credit);
        String match = q == null ? null : where.matches(SEARCH, q);
        return keyset.page(new TimeKeyset.Query("image i", "i.id", "i.created_at", null, where, match,
                TimeOrder.NEWEST, after, limit, "i.id, i.created_at, " + where.columns(SEARCH)));
    }

    public long count(String q, String credit) {
        SqlFilter where = filtered(credit);
        if (q != null) {
            where.and(where.matches(SEARCH, q));
        }
        return sql.count("image i", where);
    }

    private SqlFilter filtered(String credit) {
        SqlFilter where = sql.filter();
        if (credit != null) {
            // "AFP" finds "Emergency Service/AFP".
            where.and("lower(i.credit) like ? escape '\\'", SqlFilter.likePattern(credit.toLowerCase(Locale.ROOT)));
        }
        return where;
    }
}
