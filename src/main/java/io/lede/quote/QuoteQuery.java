package io.lede.quote;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.lede.db.NativeQueries;
import io.lede.db.SqlFilter;
import io.lede.db.TextSearch;
import io.lede.paging.TimeKeyset;
import io.lede.paging.TimeOrder;
import io.lede.security.Audience;

/** The quote list query: filters, visibility and full-text search over the text, paged by time. */
@ApplicationScoped
public class QuoteQuery {

    static final TextSearch SEARCH = new TextSearch("q.search_vector", "q.language", List.of("q.text"));

    private final NativeQueries sql;
    private final TimeKeyset keyset;
    private final QuoteVisibility visibility;

    public QuoteQuery(NativeQueries sql, TimeKeyset keyset, QuoteVisibility visibility) {
        this.sql = sql;
        this.keyset = keyset;
        this.visibility = visibility;
    }

    public List<TimeKeyset.Row> page(QuoteFilter filter, Audience audience) {
        SqlFilter where = filtered(filter, audience);
        String q = filter.list().q();
        String match = q == null ? null : where.matches(SEARCH, q);
        String rank = filter.list().order() == TimeOrder.RELEVANCE ? where.rank(SEARCH, q, "q.dated_at") : null;
        return keyset.page(new TimeKeyset.Query("quote q", "q.id", "q.dated_at", rank, where, match, filter.list().order(),
                filter.list().after(), filter.list().limit(), "q.id, q.dated_at, " + where.columns(SEARCH)));
    }

    public long count(QuoteFilter filter, Audience audience) {
        SqlFilter where = filtered(filter, audience);
        if (filter.list().q() != null) {
            where.and(where.matches(SEARCH, filter.list().q()));
        }
        return sql.count("quote q", where);
    }

    public boolean isPublic(UUID id) {
        return sql.count("quote q", sql.filter().and("q.id = ?", id).and(visibility.publicSql("q"))) > 0;
    }

    private SqlFilter filtered(QuoteFilter filter, Audience audience) {
        SqlFilter where = sql.filter();
        if (!audience.seesUnpublished()) {
            where.and(visibility.publicSql("q"));
        }
        if (filter.speakerEntity() != null) {
            where.and("q.speaker_entity_id = ?", filter.speakerEntity());
        }
        if (filter.speakerId() != null) {
            where.and("q.speaker_id = ?", filter.speakerId());
        }
        if (filter.speakerName() != null) {
            where.and("q.speaker_id = (select s.id from speaker s where s.normalized_name = ?)",
                    SpeakerNames.normalize(filter.speakerName()));
        }
        if (filter.articleId() != null) {
            where.and("q.article_id = ?", filter.articleId());
            if (!audience.seesUnpublished()) {
                // An unpublished article's id must answer like an unknown one.
                where.and(visibility.publishedArticleSql("q.article_id"));
            }
        }
        if (filter.list().language() != null) {
            where.and("q.language = ?", filter.list().language());
        }
        if (filter.list().from() != null) {
            where.and("q.dated_at >= ?", filter.list().from());
        }
        if (filter.list().to() != null) {
            where.and("q.dated_at < ?", filter.list().to());
        }
        return where;
    }
}
