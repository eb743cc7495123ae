package io.lede.db;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.hibernate.query.NativeQuery;

import io.quarkus.narayana.jta.QuarkusTransaction;

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

    /**
     * Runs a search's statements planned for the words searched for. The driver prepares a statement
     * it runs again and again, and after five executions PostgreSQL may plan it once for every value
     * (a generic plan): for a full-text match that plan cannot tell a rare word from a common one and
     * assumes many matches, so a word found once was searched with a parallel bitmap scan, some 15-30 ms
     * where its own plan takes well under one, and sixteen such searches at once queued for the two
     * cores' parallel workers. Here the statements run in a transaction (the caller's, if any) with
     * {@code plan_cache_mode = force_custom_plan} for that transaction alone: a plan per execution costs
     * a search a fraction of a millisecond, and no other query of the service is affected.
     */
    public <T> T plannedForValues(Supplier<T> statements) {
        if (!postgres) {
            return statements.get();
        }
        return QuarkusTransaction.joiningExisting().call(() -> {
            entityManager.unwrap(Session.class).doWork(connection -> {
                try (var statement = connection.createStatement()) {
                    statement.execute("set local plan_cache_mode = force_custom_plan");
                }
            });
            return statements.get();
        });
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
