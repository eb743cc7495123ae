package io.lede.entity;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.query.NativeQuery;

import io.lede.db.NativeQueries;
import io.lede.db.SqlFilter;
import io.lede.paging.Cursor;
import io.lede.security.Audience;
import io.quarkus.arc.All;

/**
 * Entities in name order. Editors see every entity; everyone else only those that published
 * content shows, so an entity created for an embargoed story does not announce it.
 */
@ApplicationScoped
class EntityQuery {

    /** A row of a page: what the next page's cursor is made of. */
    record Row(UUID id, String lowerName) {

        Cursor cursor() {
            return Cursor.after(SORT, lowerName, id);
        }
    }

    static final String SORT = "name";
    static final int CURSOR_SIZE = 2;

    private final NativeQueries sql;
    private final List<EntityUsers> users;

    EntityQuery(NativeQueries sql, @All List<EntityUsers> users) {
        this.sql = sql;
        this.users = users;
    }

    /** Up to {@code limit + 1} entities after the cursor. */
    List<Row> page(String q, EntityType type, Cursor after, int limit, Audience audience) {
        SqlFilter where = filtered(q, type, audience);
        if (after != null) {
            where.and("(e.lower_name, e.id) > (" + where.bind(after.string(0)) + ", " + where.bind(after.uuid(1)) + ")");
        }
        NativeQuery<Object[]> query = sql.query("select e.id as id, e.lower_name as lower_name from named_entity e"
                + where.where() + " order by e.lower_name, e.id", where);
        query.addScalar("id", UUID.class).addScalar("lower_name", String.class);
        query.setMaxResults(limit + 1);
        List<Row> rows = new ArrayList<>();
        for (Object[] row : query.getResultList()) {
            rows.add(new Row((UUID) row[0], (String) row[1]));
        }
        return rows;
    }

    long count(String q, EntityType type, Audience audience) {
        return sql.count("named_entity e", filtered(q, type, audience));
    }

    boolean isPublic(UUID id) {
        SqlFilter where = sql.filter().and("e.id = ?", id).and(publicSql("e.id"));
        return sql.count("named_entity e", where) > 0;
    }

    private SqlFilter filtered(String q, EntityType type, Audience audience) {
        SqlFilter where = sql.filter();
        if (q != null) {
            where.and("e.lower_name like ? escape '\\'", SqlFilter.likePattern(EntityService.lower(q)));
        }
        if (type != null) {
            where.and("e.type = ?", type.name());
        }
        if (!audience.seesUnpublished()) {
            where.and(publicSql("e.id"));
        }
        return where;
    }

    private String publicSql(String entityId) {
        if (users.isEmpty()) {
            return "1 = 0";
        }
        return "(" + String.join(" or ", users.stream().map(user -> user.showsPubliclySql(entityId)).toList()) + ")";
    }
}
