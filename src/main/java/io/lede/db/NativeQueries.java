package io.lede.db;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.query.NativeQuery;

/**
 * Native SQL for the few queries that differ by database (full-text search) or need keyset
 * comparisons; everything else goes through Panache. Knows which database it talks to.
 */
@ApplicationScoped
public class NativeQueries {

    private final EntityManager entityManager;
    private final boolean postgres;

    public NativeQueries(EntityManager entityManager, @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind) {
        this.entityManager = entityManager;
        this.postgres = dbKind.toLowerCase(Locale.ROOT).startsWith("postgres");
    }

    public boolean isPostgres() {
        return postgres;
    }

    public SqlFilter filter() {
        return new SqlFilter(postgres);
    }

    /** The query with the filter's parameters bound; callers add scalars and limits. */
    @SuppressWarnings("unchecked")
    public NativeQuery<Object[]> query(String sql, SqlFilter filter) {
        NativeQuery<Object[]> query = entityManager.createNativeQuery(sql).unwrap(NativeQuery.class);
        // A filter may hold values for several statements built from it (a search's two paths):
        // each statement gets the ones it names.
        filter.params().forEach((name, value) -> {
            if (Pattern.compile(":" + name + "\\b").matcher(sql).find()) {
                query.setParameter(name, value);
            }
        });
        return query;
    }

    /** The database's plan for a query, one line a row of {@code EXPLAIN}'s output. */
    public List<String> explain(String sql, SqlFilter filter) {
        return explain(sql, filter, false);
    }

    /** With {@code analyze}, the plan as it ran (the query is executed), without cost estimates. */
    public List<String> explain(String sql, SqlFilter filter, boolean analyze) {
        NativeQuery<Object[]> query = query((analyze ? "explain (analyze, costs off) " : "explain ") + sql, filter);
        return ((List<?>) query.getResultList()).stream().map(String::valueOf).toList();
    }

    public long count(String fromAndJoins, SqlFilter filter) {
        NativeQuery<Object[]> query = query("select count(*) as total from " + fromAndJoins + filter.where(), filter);
        query.addScalar("total", Long.class);
        return ((Number) ((Object) query.getSingleResult())).longValue();
    }
}
