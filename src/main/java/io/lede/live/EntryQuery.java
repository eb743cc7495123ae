package io.lede.live;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.lede.paging.TimeKeyset;
import io.lede.paging.TimeOrder;
import io.lede.db.NativeQueries;
import io.lede.db.SqlFilter;

/** One live blog's entries, newest first, paged by {@link TimeKeyset} over (published_at, id). */
@ApplicationScoped
public class EntryQuery {

    private final NativeQueries sql;
    private final TimeKeyset keyset;

    public EntryQuery(NativeQueries sql, TimeKeyset keyset) {
        this.sql = sql;
        this.keyset = keyset;
    }

    /** Where {@code since} is: entries after it in time (with the id as tie-breaker) are newer. */
    public record Since(Instant publishedAt, UUID id) {
    }

    public List<TimeKeyset.Row> page(UUID articleId, EntryFilter filter, Since since) {
        return keyset.page(new TimeKeyset.Query("live_entry e", "e.id", "e.published_at", null,
                filtered(articleId, filter, since), TimeOrder.NEWEST, filter.after(), filter.limit()));
    }

    public long count(UUID articleId, EntryFilter filter, Since since) {
        return sql.count("live_entry e", filtered(articleId, filter, since));
    }

    private SqlFilter filtered(UUID articleId, EntryFilter filter, Since since) {
        SqlFilter where = sql.filter();
        where.and("e.article_id = ?", articleId);
        if (filter.keyEventsOnly()) {
            where.and("e.key_event = ?", true);
        }
        if (since != null) {
            where.and("(e.published_at, e.id) > (" + where.bind(since.publishedAt()) + ", " + where.bind(since.id()) + ")");
        }
        return where;
    }
}
