package io.lede.quote;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.query.NativeQuery;

import io.lede.db.NativeQueries;
import io.lede.db.SqlFilter;
import io.lede.paging.Cursor;
import io.lede.security.Audience;

/**
 * Speakers in name order, with counts, latest dates, names and roles taken from the quotes the
 * caller may see, so that a speaker known only from embargoed quotes stays hidden.
 */
@ApplicationScoped
public class SpeakerQuery {

    /** A speaker on a page: identity and what their visible quotes add up to. */
    public record Row(UUID id, String normalizedName, long quoteCount, Instant latestQuoteAt) {

        Cursor cursor() {
            return Cursor.after(SORT, normalizedName, id);
        }
    }

    /** The name shown (the spelling used most, the latest on a tie) and every role given, the latest first. */
    public record Label(String name, List<String> roles) {

        public String role() {
            return roles.isEmpty() ? null : roles.get(0);
        }
    }

    static final String SORT = "name";
    static final int CURSOR_SIZE = 2;

    private final NativeQueries sql;
    private final QuoteVisibility visibility;

    public SpeakerQuery(NativeQueries sql, QuoteVisibility visibility) {
        this.sql = sql;
        this.visibility = visibility;
    }

    /** Up to {@code limit + 1} speakers after the cursor, by normalized name. */
    public List<Row> page(String q, Cursor after, int limit, Audience audience) {
        SqlFilter where = filtered(q, null, audience);
        if (after != null) {
            where.and("(s.normalized_name, s.id) > (" + where.bind(after.string(0)) + ", " + where.bind(after.uuid(1)) + ")");
        }
        return rows(where, " order by s.normalized_name, s.id", limit + 1, audience);
    }

    public long count(String q, Audience audience) {
        return sql.count("speaker s", filtered(q, null, audience));
    }

    public List<Row> one(UUID id, Audience audience) {
        return rows(filtered(null, id, audience), "", 1, audience);
    }

    /** For each speaker, the name to show and their roles, from the quotes the caller may see. */
    public Map<UUID, Label> labels(Collection<UUID> speakerIds, Audience audience) {
        Map<UUID, String> names = new HashMap<>();
        Map<UUID, Long> bestUses = new HashMap<>();
        // Spellings newest first, so that on a tie the latest one is kept.
        for (Object[] row : grouped("q.speaker_name", "", speakerIds, audience)) {
            UUID id = (UUID) row[0];
            long uses = ((Number) row[2]).longValue();
            if (uses > bestUses.getOrDefault(id, 0L)) {
                bestUses.put(id, uses);
                names.put(id, (String) row[1]);
            }
        }
        Map<UUID, List<String>> roles = new HashMap<>();
        for (Object[] row : grouped("q.speaker_role", " and q.speaker_role is not null", speakerIds, audience)) {
            roles.computeIfAbsent((UUID) row[0], id -> new ArrayList<>()).add((String) row[1]);
        }
        Map<UUID, Label> labels = new HashMap<>();
        names.forEach((id, name) -> labels.put(id, new Label(name, roles.getOrDefault(id, List.of()))));
        return labels;
    }

    /** (speaker, value, uses, latest) for each distinct value of a quote column, the most recent first. */
    private List<Object[]> grouped(String column, String condition, Collection<UUID> speakerIds, Audience audience) {
        SqlFilter where = sql.filter().and("q.speaker_id in (?)" + condition, speakerIds);
        if (!audience.seesUnpublished()) {
            where.and(visibility.publicSql("q"));
        }
        NativeQuery<Object[]> query = sql.query("select q.speaker_id as speaker_id, " + column + " as label,"
                + " count(*) as uses, max(q.dated_at) as latest from quote q" + where.where()
                + " group by q.speaker_id, " + column + " order by latest desc", where);
        query.addScalar("speaker_id", UUID.class).addScalar("label", String.class)
                .addScalar("uses", Long.class).addScalar("latest", Instant.class);
        return query.getResultList();
    }

    private SqlFilter filtered(String q, UUID id, Audience audience) {
        SqlFilter where = sql.filter();
        where.and("exists (select 1 from quote q where q.speaker_id = s.id" + visible(audience) + ")");
        if (id != null) {
            where.and("s.id = ?", id);
        }
        if (q != null) {
            where.and("s.normalized_name like ? escape '\\'", SqlFilter.likePattern(SpeakerNames.normalize(q)));
        }
        return where;
    }

    private List<Row> rows(SqlFilter where, String order, int limit, Audience audience) {
        String perSpeaker = " from quote q where q.speaker_id = s.id" + visible(audience);
        NativeQuery<Object[]> query = sql.query("select s.id as id, s.normalized_name as normalized_name,"
                + " (select count(*)" + perSpeaker + ") as quote_count,"
                + " (select max(q.dated_at)" + perSpeaker + ") as latest"
                + " from speaker s" + where.where() + order, where);
        query.addScalar("id", UUID.class).addScalar("normalized_name", String.class)
                .addScalar("quote_count", Long.class).addScalar("latest", Instant.class);
        query.setMaxResults(limit);
        List<Row> rows = new ArrayList<>();
        for (Object[] row : query.getResultList()) {
            rows.add(new Row((UUID) row[0], (String) row[1], ((Number) row[2]).longValue(), (Instant) row[3]));
        }
        return rows;
    }

    private String visible(Audience audience) {
        return audience.seesUnpublished() ? "" : " and " + visibility.publicSql("q");
    }
}
