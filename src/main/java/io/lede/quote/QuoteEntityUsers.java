package io.lede.quote;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.query.NativeQuery;

import io.lede.db.NativeQueries;
import io.lede.db.SqlFilter;
import io.lede.entity.EntityType;
import io.lede.entity.EntityUsers;

/** The public quotes whose speaker is an entity, as the entity feature asks. */
@ApplicationScoped
public class QuoteEntityUsers implements EntityUsers {

    private final NativeQueries sql;
    private final QuoteVisibility visibility;

    QuoteEntityUsers(NativeQueries sql, QuoteVisibility visibility) {
        this.sql = sql;
        this.visibility = visibility;
    }

    @Override
    public List<String> publicUsersOf(UUID entityId) {
        return quotes(sql.filter().and("q.speaker_entity_id = ?", entityId).and(visibility.publicSql("q")));
    }

    /** A speaker is a person. */
    @Override
    public List<String> refusingType(UUID entityId, EntityType type) {
        if (type == EntityType.PERSON) {
            return List.of();
        }
        return quotes(sql.filter().and("q.speaker_entity_id = ?", entityId));
    }

    @Override
    public String showsPubliclySql(String entityId) {
        return "exists (select 1 from quote q where q.speaker_entity_id = " + entityId + " and " + visibility.publicSql("q") + ")";
    }

    /** The first quotes matching, named for a person to act on. */
    private List<String> quotes(SqlFilter where) {
        NativeQuery<Object[]> query = sql.query("select q.id as id from quote q" + where.where() + " order by q.id", where);
        query.addScalar("id", UUID.class);
        query.setMaxResults(20);
        // One scalar: each row is the id itself.
        List<?> ids = query.getResultList();
        return ids.stream().map(id -> "quote " + id).toList();
    }
}
