package io.lede.paging;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.query.NativeQuery;

import io.lede.db.NativeQueries;
import io.lede.db.SqlFilter;

/**
 * Keyset pages over rows ordered by a time with the id as tie-breaker, or by a search rank first.
 * Only keys are read; callers load the rows of a page by id. Row-value comparisons let PostgreSQL
 * walk the (time, id) index, so a page deep in the archive costs what the first one does.
 */
@ApplicationScoped
public class TimeKeyset {

    /** The key of one row of a page. */
    public record Row(UUID id, Instant at, Float rank) {

        public Cursor cursor(TimeOrder order) {
            return Cursor.after(order.apiName(), at, id, rank);
        }
    }

    /** What a page query is about; {@code rank} is the rank expression, required for relevance. */
    public record Query(String from, String id, String time, String rank, SqlFilter where, TimeOrder order,
            Cursor after, int limit) {
    }

    /** Parts of a cursor's key: time, id, rank (empty unless ordered by relevance). */
    public static final int CURSOR_SIZE = 3;

    private final NativeQueries sql;

    public TimeKeyset(NativeQueries sql) {
        this.sql = sql;
    }

    /** Up to {@code limit + 1} rows: the extra row tells whether there is a next page. */
    public List<Row> page(Query page) {
        NativeQuery<Object[]> query = sql.query(select(page), page.where());
        query.addScalar("id", UUID.class).addScalar("sort_at", Instant.class).addScalar("rank", Float.class);
        query.setMaxResults(page.limit() + 1);
        List<Row> rows = new ArrayList<>();
        for (Object[] row : query.getResultList()) {
            rows.add(new Row((UUID) row[0], (Instant) row[1], (Float) row[2]));
        }
        return rows;
    }

    /** How the database would run the page query: its {@code EXPLAIN}, one line a row (PostgreSQL). */
    public List<String> explain(Query page) {
        String select = select(page) + " limit " + (page.limit() + 1);
        return sql.explain(select, page.where());
    }

    private static String select(Query page) {
        SqlFilter where = page.where();
        String key = page.time() + ", " + page.id();
        if (page.after() != null) {
            String after = where.bind(page.after().instant(0)) + ", " + where.bind(page.after().uuid(1));
            where.and(switch (page.order()) {
                case NEWEST -> "(" + key + ") < (" + after + ")";
                case OLDEST -> "(" + key + ") > (" + after + ")";
                case RELEVANCE -> "(" + page.rank() + ", " + key + ") < (" + where.bind(page.after().floatOrNull(2)) + ", " + after + ")";
            });
        }
        String order = switch (page.order()) {
            case NEWEST -> page.time() + " desc, " + page.id() + " desc";
            case OLDEST -> page.time() + " asc, " + page.id() + " asc";
            case RELEVANCE -> page.rank() + " desc, " + page.time() + " desc, " + page.id() + " desc";
        };
        String rank = page.order() == TimeOrder.RELEVANCE ? page.rank() : "cast(null as real)";
        return "select " + page.id() + " as id, " + page.time() + " as sort_at, "
                + rank + " as rank from " + page.from() + where.where() + " order by " + order;
    }
}
