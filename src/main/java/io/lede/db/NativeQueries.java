package io.lede.db;

import java.util.List;
import java.util.Locale;

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

    public SqlFilter filter() {
        return new SqlFilter(postgres);
    }

    /** The query with the filter's parameters bound; callers add scalars and limits. */
    @SuppressWarnings("unchecked")
    public NativeQuery<Object[]> query(String sql, SqlFilter filter) {
        NativeQuery<Object[]> query = entityManager.createNativeQuery(sql).unwrap(NativeQuery.class);
        filter.params().forEach(query::setParameter);
        return query;
    }

    /** The database's plan for a query, one line a row of {@code EXPLAIN}'s output. */
    public List<String> explain(String sql, SqlFilter filter) {
        NativeQuery<Object[]> query = query("explain " + sql, filter);
        return ((List<?>) query.getResultList()).stream().map(String::valueOf).toList();
    }

    public long count(String fromAndJoins, SqlFilter filter) {
        NativeQuery<Object[]> query = query("select count(*) as total from " + fromAndJoins + filter.where(), filter);
        query.addScalar("total", Long.class);
        return ((Number) ((Object) query.getSingleResult())).longValue();
    }
}
