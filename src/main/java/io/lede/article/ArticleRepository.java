package io.lede.article;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.hibernate.jpa.HibernateHints;
import org.hibernate.query.NativeQuery;

import io.lede.db.InList;
import io.lede.db.NativeQueries;
import io.lede.db.SqlFilter;
import io.lede.db.TextSearch;
import io.lede.paging.TimeKeyset;
import io.lede.search.Highlight;
import io.lede.text.HighlightMarks;
import io.lede.search.SearchEngine;
import io.lede.search.SearchRequest;
import io.lede.paging.TimeOrder;
import io.lede.text.Ids;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/**
 * Every query about articles: look-ups by id or slug, the checks a write makes, translations,
 * sections and languages, and the list query (filters and full-text search, paged by
 * {@link TimeKeyset}). Reads are read-only: Hibernate keeps no snapshot of a body it will not write.
 */
@ApplicationScoped
public class ArticleRepository implements PanacheRepositoryBase<Article, UUID> {

    /** One language version of a story, as other versions link to it: no body, no entity. */
    public record Sibling(UUID group, UUID id, String language, String slug) {
    }

    static final TextSearch SEARCH = new TextSearch("a.search_vector", "a.language",
            List.of("a.headline", "a.standfirst", "a.body_text"));

    /** The fields highlights name, by the column each comes from; only the body is cut into passages. */
    private static final Map<String, String> HIGHLIGHTED = orderedMap("headline", "a.headline", "standfirst", "a.standfirst",
            "bodyText", "a.body_text");

    private final NativeQueries sql;
    private final TimeKeyset keyset;
    private final SearchEngine engine;

    public ArticleRepository(NativeQueries sql, TimeKeyset keyset, SearchEngine engine) {
        this.sql = sql;
        this.keyset = keyset;
        this.engine = engine;
    }

    /** Whether a list with this filter is answered by the search engine rather than the database: it searches, and there is one. */
    private boolean onEngine(ArticleFilter filter) {
        return filter.list().q() != null && engine.enabled();
    }

    /** The filter as the search engine takes it, from the cursor on (the engine's hits carry the same keys as the database's rows). */
    private static SearchRequest engineRequest(ArticleFilter filter) {
        var list = filter.list();
        var after = list.after();
        return new SearchRequest(list.q(), filter.statuses().stream().map(Enum::name).collect(java.util.stream.Collectors.toSet()),
                filter.section(), list.language(), filter.tag(), filter.entity(), list.from(), list.to(),
                SearchRequest.Order.valueOf(list.order().name()), after == null ? null : after.instant(0),
                after == null ? null : after.uuid(1), after == null ? null : after.floatOrNull(2), list.limit() + 1);
    }

    /** For a write: locked until the transaction ends, so no other write comes between its checks and its change. */
    public Optional<Article> lockedById(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * For reading only: loaded read-only, so Hibernate keeps no snapshot of the body for dirty
     * checking (a JSON column's snapshot is a second parse of the whole body); tags come in the
     * same statement rather than in a second one when the view reads them.
     */
    public Optional<Article> findByIdOrSlug(String idOrSlug) {
        Optional<UUID> id = Ids.parse(idOrSlug);
        if (id.isPresent()) {
            Optional<Article> byId = find("select a from Article a left join fetch a.tags where a.id = ?1", id.get())
                    .withHint(HibernateHints.HINT_READ_ONLY, true).singleResultOptional();
            if (byId.isPresent()) {
                return byId;
            }
        }
        return find("select a from Article a left join fetch a.tags where a.slug = ?1", idOrSlug)
                .withHint(HibernateHints.HINT_READ_ONLY, true).singleResultOptional();
    }

    /** The published article with this slug in this section: what a canonical URL names. */
    public Optional<Article> publishedAt(String section, String slug) {
        return find("slug", slug).<Article> firstResultOptional()
                .filter(Article::isPublished)
                .filter(article -> article.section.equals(section));
    }

    public boolean slugTaken(String slug, UUID exceptId) {
        return count("slug = ?1 and id <> ?2", slug, exceptId) > 0;
    }

    /**
     * Page rows with their tags in one query, in no particular order; read-only, like {@link #findByIdOrSlug}.
     * No {@code distinct}: Hibernate removes the duplicate roots of a fetch join itself, and SQL
     * {@code distinct} would compare bodies (a json column has no equality on PostgreSQL). The ids
     * are an {@link InList}, so Hibernate keeps the query's translation.
     */
    public List<Article> withTags(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        InList in = InList.of("id", List.copyOf(ids));
        return in.bind(getEntityManager()
                .createQuery("select a from Article a left join fetch a.tags where a.id in " + in.placeholders(), Article.class))
                .setHint(HibernateHints.HINT_READ_ONLY, true).getResultList();
    }

    /**
     * The articles of one translation group, as siblings. A single-valued parameter rather than
     * {@link #translationsIn} with one group: Hibernate caches the translation of this query, and
     * translates a collection-bound one again on every execution (a quarter of a read by id).
     */
    public List<Sibling> translationsOf(UUID group, boolean publishedOnly) {
        String select = "select a.translationGroup, a.id, a.language, a.slug from Article a where a.translationGroup = :group";
        var query = getEntityManager().createQuery(publishedOnly ? select + " and a.status = :published" : select, Sibling.class)
                .setParameter("group", group);
        if (publishedOnly) {
            query.setParameter("published", ArticleStatus.PUBLISHED);
        }
        return query.getResultList();
    }

    /** The articles of these translation groups, as siblings: a projection, so no body is read. */
    public List<Sibling> translationsIn(Collection<UUID> groups, boolean publishedOnly) {
        if (groups.isEmpty()) {
            return List.of();
        }
        InList in = InList.of("group", List.copyOf(groups));
        String select = "select a.translationGroup, a.id, a.language, a.slug from Article a where a.translationGroup in "
                + in.placeholders();
        var query = in.bind(getEntityManager().createQuery(publishedOnly ? select + " and a.status = :published" : select, Sibling.class));
        if (publishedOnly) {
            query.setParameter("published", ArticleStatus.PUBLISHED);
        }
        return query.getResultList();
    }

    public boolean languageTakenInGroup(UUID group, String language, UUID exceptId) {
        return count("translationGroup = ?1 and language = ?2 and id <> ?3", group, language, exceptId) > 0;
    }

    /** Languages that have at least one published article. */
    public List<String> publishedLanguages() {
        return getEntityManager().createQuery("select distinct a.language from Article a where a.status = :published",
                String.class).setParameter("published", ArticleStatus.PUBLISHED).getResultList();
    }

    /** Sections with their number of published articles and latest publication, by name. */
    public List<Object[]> publishedSections() {
        return getEntityManager().createQuery("select a.section, count(a), max(a.publishedAt) from Article a"
                + " where a.status = :published group by a.section order by a.section", Object[].class)
                .setParameter("published", ArticleStatus.PUBLISHED).getResultList();
    }

    /** Whether a section has a published article: one index probe, not a count. */
    public boolean sectionHasPublished(String section) {
        return !find("section = ?1 and status = ?2", section, ArticleStatus.PUBLISHED).page(0, 1).list().isEmpty();
    }

    /** Scheduled articles whose time has come. */
    public List<Article> dueForPublication(Instant now) {
        return list("status = ?1 and publishedAt <= ?2", ArticleStatus.SCHEDULED, now);
    }

    /** Up to {@code limit + 1} rows of a list page: the extra row says whether there is a next page. */
    public List<TimeKeyset.Row> page(ArticleFilter filter) {
        if (onEngine(filter)) {
            return engine.page(engineRequest(filter)).stream().map(hit -> new TimeKeyset.Row(hit.id(), hit.at(), hit.score())).toList();
        }
        return keyset.page(pageQuery(filter));
    }

    /** The database's plan for {@link #page}: how tests check that search and filters use their indexes. */
    public List<String> explainPage(ArticleFilter filter, boolean analyze) {
        return keyset.explain(pageQuery(filter), analyze);
    }

    /** Where {@code q} matched each of these articles, by id: fields in the order of {@link #HIGHLIGHTED}. */
    public Map<UUID, List<Highlight>> highlights(Collection<UUID> ids, String q) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        if (engine.enabled()) {
            return engine.highlights(ids, q);
        }
        SqlFilter where = sql.filter();
        where.and("a.id in (?)", List.copyOf(ids));
        List<String> columns = new ArrayList<>();
        HIGHLIGHTED.forEach((field, column) -> columns.add(where.highlighted(SEARCH, column, q, field.equals("bodyText"))
                + " as " + field));
        NativeQuery<Object[]> query = sql.query("select a.id as id, " + String.join(", ", columns) + " from article a" + where.where(),
                where);
        query.addScalar("id", UUID.class);
        HIGHLIGHTED.keySet().forEach(field -> query.addScalar(field, String.class));
        List<String> words = SqlFilter.highlightTerms(q);
        Map<UUID, List<Highlight>> highlights = new HashMap<>();
        for (Object[] row : query.getResultList()) {
            List<Highlight> found = new ArrayList<>();
            int i = 1;
            for (String field : HIGHLIGHTED.keySet()) {
                String text = (String) row[i++];
                String marked = text == null || sql.isPostgres() ? text : HighlightMarks.mark(text, words, field.equals("bodyText"));
                if (HighlightMarks.hasMatch(marked)) {
                    found.add(new Highlight(field, HighlightMarks.html(marked)));
                }
            }
            highlights.put((UUID) row[0], found);
        }
        return highlights;
    }

    private static Map<String, String> orderedMap(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }

    public long count(ArticleFilter filter) {
        if (onEngine(filter)) {
            return engine.count(engineRequest(filter));
        }
        SqlFilter where = filtered(filter);
        if (filter.list().q() != null) {
            where.and(where.matches(SEARCH, filter.list().q()));
        }
        return sql.count("article a", where);
    }

    /** The page query: every filter but the search in {@code where}, the search apart, so it can be bounded. */
    private TimeKeyset.Query pageQuery(ArticleFilter filter) {
        SqlFilter where = filtered(filter);
        String q = filter.list().q();
        String match = q == null ? null : where.matches(SEARCH, q);
        String rank = filter.list().order() == TimeOrder.RELEVANCE ? where.rank(SEARCH, q, sortKey(filter)) : null;
        return new TimeKeyset.Query("article a", "a.id", sortKey(filter), rank, where, match, filter.list().order(),
                filter.list().after(), filter.list().limit(), "a.id, a.published_at, a.created_at, " + where.columns(SEARCH));
    }

    /** Drafts have no publication time yet, so lists that may hold them sort by creation time instead. */
    private static String sortKey(ArticleFilter filter) {
        return filter.onlyPublished() ? "a.published_at" : "coalesce(a.published_at, a.created_at)";
    }
    private SqlFilter filtered(ArticleFilter filter) {
        SqlFilter where = sql.filter();
        where.and("a.status in (?)", filter.statuses().stream().map(Enum::name).toList());
        if (filter.section() != null) {
            where.and("a.section = ?", filter.section());
        }
        if (filter.list().language() != null) {
            where.and("a.language = ?", filter.list().language());
        }
        if (filter.tag() != null) {
            where.and("exists (select 1 from article_tag t where t.article_id = a.id and lower(t.tag) = ?)",
                    filter.tag().toLowerCase(Locale.ROOT));
        }
        if (filter.entity() != null) {
            where.and("exists (select 1 from article_entity ae where ae.article_id = a.id and ae.entity_id = ?)", filter.entity());
        }
        if (filter.list().from() != null) {
            where.and("a.published_at >= ?", filter.list().from());
        }
        if (filter.list().to() != null) {
            where.and("a.published_at < ?", filter.list().to());
        }
        return where;
    }
}
