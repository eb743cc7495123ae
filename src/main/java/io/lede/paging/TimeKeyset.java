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
 *
 * <p>A search ({@code match}) is bounded on both of its paths, whatever the planner believes about
 * how common a word is (it cannot know for words it has no statistics for, and assumes them
 * common enough to walk the time index for, which reads the whole archive for a word that occurs
 * once):
 * <ol>
 * <li>the <em>walk</em>: the newest {@link #walkLength} rows of the list in time order, matches kept,
 * stopping as soon as a page is full. A common word fills it within a few hundred rows;</li>
 * <li>only when those rows hold fewer matches than needed, the <em>index</em> path: every match
 * from the full-text index, sorted by time. The word is then rare among recent rows (under one in
 * {@value #WALK_PER_ROW} of them), so this reads few rows.</li>
 * </ol>
 * {@code sort=relevance} ranks only the {@value #RELEVANCE_CANDIDATES} newest matches, found the
 * same way, so the rank is computed for at most that many rows however common the word is.
 */
@ApplicationScoped
public class TimeKeyset {

    /** The key of one row of a page. */
    public record Row(UUID id, Instant at, Float rank) {

        public Cursor cursor(TimeOrder order) {
            return Cursor.after(order.apiName(), at, id, rank);
        }
    }

    /**
     * What a page query is about. {@code where} holds every filter but the text search,
     * {@code match} the text search condition (null without one), {@code rank} the rank expression,
     * required for relevance; both bind their values in {@code where}. {@code columns} are the
     * table's columns the id, time, match and rank read: a search's steps carry only these, not
     * whole rows, from one to the next (a sort of whole articles would not fit in memory).
     */
    public record Query(String from, String id, String time, String rank, SqlFilter where, String match, TimeOrder order,
            Cursor after, int limit, String columns) {

        /** Without a search (a rank needs one): nothing to match, no columns to carry between a search's steps. */
        public Query(String from, String id, String time, String rank, SqlFilter where, TimeOrder order, Cursor after, int limit) {
            this(from, id, time, rank, where, null, order, after, limit, null);
        }

        /** The table's alias in {@code from} ("article a": a). */
        String alias() {
            return from.substring(from.lastIndexOf(' ') + 1);
        }
    }

    /** Parts of a cursor's key: time, id, rank (empty unless ordered by relevance). */
    public static final int CURSOR_SIZE = 3;

    /** How many of the newest matches {@code sort=relevance} ranks. */
    public static final int RELEVANCE_CANDIDATES = 200;

    /** Rows the walk reads for each match it looks for (and at least {@link #MIN_WALK}). */
    static final int WALK_PER_ROW = 50;

    static final int MIN_WALK = 2_000;

    private final NativeQueries sql;

    public TimeKeyset(NativeQueries sql) {
        this.sql = sql;
    }

    /** Up to {@code limit + 1} rows: the extra row tells whether there is a next page. */
    public List<Row> page(Query page) {
        if (page.match() == null) {
            return rows(plain(page), page);
        }
        return sql.plannedForValues(() -> search(page));
    }

    private List<Row> search(Query page) {
        // H2 (development) has no full-text index to bound: it takes the plain path of matches.
        boolean walkFirst = page.where().isPostgres();
        if (page.order() == TimeOrder.RELEVANCE) {
            boolean walkSuffices = walkFirst
                    && count(walked(page, RELEVANCE_CANDIDATES, false), page) == RELEVANCE_CANDIDATES;
            return rows(ranked(page, walkSuffices ? walked(page, RELEVANCE_CANDIDATES, false)
                    : indexed(page, RELEVANCE_CANDIDATES, false)), page);
        }
        if (walkFirst) {
            List<Row> walked = rows(ordered(page, walked(page, page.limit() + 1, true)), page);
            if (walked.size() > page.limit()) {
                return walked;
            }
        }
        return rows(ordered(page, indexed(page, page.limit() + 1, true)), page);
    }

    /** Separates the plans of a search's two paths in {@link #explain}. */
    public static final String THEN_INDEX = "-- when the walk finds too few matches:";

    /**
     * How the database would run the page query: its {@code EXPLAIN}, one line a row (PostgreSQL),
     * with {@code analyze} as it ran. A search explains both of its paths, the walk, then
     * {@link #THEN_INDEX}, then the index path, as {@link #page} may run either.
     */
    public List<String> explain(Query page, boolean analyze) {
        if (page.match() == null) {
            return sql.explain(plain(page) + " limit " + (page.limit() + 1), page.where(), analyze);
        }
        List<String> lines = new ArrayList<>();
        if (page.order() == TimeOrder.RELEVANCE) {
            lines.addAll(sql.explain(ranked(page, walked(page, RELEVANCE_CANDIDATES, false)), page.where(), analyze));
            lines.add(THEN_INDEX);
            lines.addAll(sql.explain(ranked(page, indexed(page, RELEVANCE_CANDIDATES, false)), page.where(), analyze));
        } else {
            lines.addAll(sql.explain(ordered(page, walked(page, page.limit() + 1, true)), page.where(), analyze));
            lines.add(THEN_INDEX);
            lines.addAll(sql.explain(ordered(page, indexed(page, page.limit() + 1, true)), page.where(), analyze));
        }
        return lines;
    }

    private List<Row> rows(String select, Query page) {
        NativeQuery<Object[]> query = sql.query(select, page.where());
        query.addScalar("id", UUID.class).addScalar("sort_at", Instant.class).addScalar("rank", Float.class);
        query.setMaxResults(page.limit() + 1);
        List<Row> rows = new ArrayList<>();
        for (Object[] row : query.getResultList()) {
            rows.add(new Row((UUID) row[0], (Instant) row[1], (Float) row[2]));
        }
        return rows;
    }

    private long count(String candidates, Query page) {
        NativeQuery<Object[]> query = sql.query("select count(*) as found from (" + candidates + ") c", page.where());
        query.addScalar("found", Long.class);
        return ((Number) ((Object) query.getSingleResult())).longValue();
    }

    /** The page of rows of {@code source} (rows of the table, under its alias) in time order. */
    private static String ordered(Query page, String source) {
        String a = page.alias();
        return "select " + page.id() + " as id, " + page.time() + " as sort_at, cast(null as real) as rank from ("
                + source + ") " + a + " order by " + timeOrder(page);
    }

    /** The page of rows of {@code candidates} by rank, then time; the cursor applies to the rank. */
    private static String ranked(Query page, String candidates) {
        String a = page.alias();
        String key = page.time() + ", " + page.id();
        String after = null;
        if (page.after() != null) {
            SqlFilter where = page.where();
            after = "(" + page.rank() + ", " + key + ") < (" + where.bind(page.after().floatOrNull(2)) + ", "
                    + where.bind(page.after().instant(0)) + ", " + where.bind(page.after().uuid(1)) + ")";
        }
        return "select " + page.id() + " as id, " + page.time() + " as sort_at, " + page.rank() + " as rank from ("
                + candidates + ") " + a + (after == null ? "" : " where " + after)
                + " order by " + page.rank() + " desc, " + page.time() + " desc, " + page.id() + " desc";
    }

    /** The page without a search, from the cursor on, in time order. */
    private static String plain(Query page) {
        return "select " + page.id() + " as id, " + page.time() + " as sort_at, cast(null as real) as rank from "
                + page.from() + page.where().where(cursor(page, true)) + " order by " + timeOrder(page);
    }

    /** The first {@code wanted} matches among the {@link #walkLength} next rows in time order. */
    private static String walked(Query page, int wanted, boolean fromCursor) {
        String a = page.alias();
        return "select " + a + ".* from (select " + page.columns() + " from " + page.from() + page.where().where(cursor(page, fromCursor))
                + " order by " + timeOrder(page) + " limit " + walkLength(wanted) + ") " + a
                + " where " + page.match() + " order by " + timeOrder(page) + " limit " + wanted;
    }

    /**
     * The first {@code wanted} matches in time order, all found through the full-text index and
     * then sorted. On PostgreSQL {@code offset 0} keeps the matching apart from the order, so the
     * planner cannot turn this into a walk of the time index again.
     */
    private static String indexed(Query page, int wanted, boolean fromCursor) {
        String a = page.alias();
        String fence = page.where().isPostgres() ? " offset 0" : "";
        return "select " + a + ".* from (select " + page.columns() + " from " + page.from()
                + page.where().where(page.match(), cursor(page, fromCursor)) + fence + ") " + a
                + " order by " + timeOrder(page) + " limit " + wanted;
    }

    public static int walkLength(int wanted) {
        return Math.max(MIN_WALK, wanted * WALK_PER_ROW);
    }

    private static String timeOrder(Query page) {
        String direction = page.order() == TimeOrder.OLDEST ? " asc" : " desc";
        return page.time() + direction + ", " + page.id() + direction;
    }

    /** The keyset condition: rows after the cursor in time order (relevance pages are cut in {@link #ranked}). */
    private static String cursor(Query page, boolean fromCursor) {
        if (page.after() == null || !fromCursor || page.order() == TimeOrder.RELEVANCE) {
            return null;
        }
        SqlFilter where = page.where();
        String key = "(" + page.time() + ", " + page.id() + ")";
        String after = "(" + where.bind(page.after().instant(0)) + ", " + where.bind(page.after().uuid(1)) + ")";
        return key + (page.order() == TimeOrder.OLDEST ? " > " : " < ") + after;
    }
}
