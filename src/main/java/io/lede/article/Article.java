package io.lede.article;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.jpa.HibernateHints;
import org.hibernate.type.SqlTypes;

import io.lede.common.sql.InList;
import io.lede.common.text.Ids;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A story as stored. Never leaves the service: {@link ArticleMapper} turns it into {@link ArticleView}. */
@Entity
public class Article extends PanacheEntityBase {

    @Id
    public UUID id;

    public String slug;

    public String headline;

    public String standfirst;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<BodyBlock> body = new ArrayList<>();

    /** Derived from {@link #body} on every write; what search and text-only readers use. */
    public String bodyText;

    public String byline;

    public String section;

    @ElementCollection
    @CollectionTable(name = "article_tag", joinColumns = @JoinColumn(name = "article_id"))
    @OrderColumn(name = "position")
    @jakarta.persistence.Column(name = "tag")
    public List<String> tags = new ArrayList<>();

    /**
     * The quotes the body uses, in body order: kept in step with {@link #body} so that "which
     * articles quote this?" is a join rather than a scan of every body.
     */
    @ElementCollection
    @CollectionTable(name = "article_quote", joinColumns = @JoinColumn(name = "article_id"))
    @OrderColumn(name = "position")
    @jakarta.persistence.Column(name = "quote_id")
    public List<UUID> quoteIds = new ArrayList<>();

    /** The images it uses, lead image first, then body order; kept in step like {@link #quoteIds}. */
    @ElementCollection
    @CollectionTable(name = "article_image", joinColumns = @JoinColumn(name = "article_id"))
    @OrderColumn(name = "position")
    @jakarta.persistence.Column(name = "image_id")
    public List<UUID> imageIds = new ArrayList<>();

    public String language;

    /** Articles sharing a group are translations of each other; a new article starts its own group. */
    public UUID translationGroup;

    @Enumerated(EnumType.STRING)
    public ArticleStatus status;

    public Instant publishedAt;

    /**
     * When it first went out; kept whatever happens to it later. An article the public has seen
     * is deleted only by an admin, and only such articles are ever named to sync clients as deleted.
     */
    public Instant firstPublishedAt;

    public Instant createdAt;

    public Instant updatedAt;

    @Version
    public long version;

    public UUID leadImageId;

    public String location;

    public String source;

    /** Set on live blogs: see {@link LiveCoverage}. */
    @Enumerated(EnumType.STRING)
    public LiveStatus liveStatus;

    public Instant liveStartedAt;

    public Instant liveEndedAt;

    public boolean isPublished() {
        return status == ArticleStatus.PUBLISHED;
    }

    /** The live field as the API shows it; null for an ordinary article. */
    public LiveCoverage live() {
        return liveStatus == null ? null : new LiveCoverage(liveStatus, liveStartedAt, liveEndedAt);
    }

    public void live(LiveCoverage live) {
        liveStatus = live == null ? null : live.status();
        liveStartedAt = live == null ? null : live.startedAt();
        liveEndedAt = live == null ? null : live.endedAt();
    }

    public boolean wasEverPublished() {
        return firstPublishedAt != null || isPublished();
    }

    /** Sets the status, remembering the first publication. */
    public void moveTo(ArticleStatus next, Instant now) {
        status = next;
        if (next == ArticleStatus.PUBLISHED && firstPublishedAt == null) {
            firstPublishedAt = now;
        }
    }

    /** For a write: locked until the transaction ends, so no other write comes between its checks and its change. */
    public static Optional<Article> lockedById(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Locked against deletion until the transaction ends (a quote that links to it is being written). */
    public static boolean existsLockedForShare(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_READ).isPresent();
    }

    /**
     * For reading only: loaded read-only, so Hibernate keeps no snapshot of the body for dirty
     * checking (a JSON column's snapshot is a second parse of the whole body); tags come in the
     * same statement rather than in a second one when the view reads them.
     */
    public static Optional<Article> findByIdOrSlug(String idOrSlug) {
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

    public static boolean slugTaken(String slug, UUID exceptId) {
        return count("slug = ?1 and id <> ?2", slug, exceptId) > 0;
    }

    /**
     * Page rows with their tags in one query, in no particular order; read-only, like {@link #findByIdOrSlug}.
     * No {@code distinct}: Hibernate removes the duplicate roots of a fetch join itself, and SQL
     * {@code distinct} would compare bodies (a json column has no equality on PostgreSQL). The ids
     * are an {@link InList}, so Hibernate keeps the query's translation.
     */
    public static List<Article> withTags(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        InList in = InList.of("id", List.copyOf(ids));
        return in.bind(getEntityManager()
                .createQuery("select a from Article a left join fetch a.tags where a.id in " + in.placeholders(), Article.class))
                .setHint(HibernateHints.HINT_READ_ONLY, true).getResultList();
    }

    /** One language version of a story, as other versions link to it: no body, no entity. */
    public record Sibling(UUID group, UUID id, String language, String slug) {
    }

    /**
     * The articles of one translation group, as siblings. A single-valued parameter rather than
     * {@link #translationsIn} with one group: Hibernate caches the translation of this query, and
     * translates a collection-bound one again on every execution (a quarter of a read by id).
     */
    public static List<Sibling> translationsOf(UUID group, boolean publishedOnly) {
        String select = "select a.translationGroup, a.id, a.language, a.slug from Article a where a.translationGroup = :group";
        var query = getEntityManager().createQuery(publishedOnly ? select + " and a.status = :published" : select, Sibling.class)
                .setParameter("group", group);
        if (publishedOnly) {
            query.setParameter("published", ArticleStatus.PUBLISHED);
        }
        return query.getResultList();
    }

    /** The articles of these translation groups, as siblings: a projection, so no body is read. */
    public static List<Sibling> translationsIn(Collection<UUID> groups, boolean publishedOnly) {
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

    public static boolean languageTakenInGroup(UUID group, String language, UUID exceptId) {
        return count("translationGroup = ?1 and language = ?2 and id <> ?3", group, language, exceptId) > 0;
    }

    /** Languages that have at least one published article. */
    public static List<String> publishedLanguages() {
        return getEntityManager().createQuery("select distinct a.language from Article a where a.status = :published",
                String.class).setParameter("published", ArticleStatus.PUBLISHED).getResultList();
    }

    /** Sections with their number of published articles and latest publication, by name. */
    public static List<Object[]> publishedSections() {
        return getEntityManager().createQuery("select a.section, count(a), max(a.publishedAt) from Article a"
                + " where a.status = :published group by a.section order by a.section", Object[].class)
                .setParameter("published", ArticleStatus.PUBLISHED).getResultList();
    }

    /** Whether a section has a published article: one index probe, not a count. */
    public static boolean sectionHasPublished(String section) {
        return !find("section = ?1 and status = ?2", section, ArticleStatus.PUBLISHED).page(0, 1).list().isEmpty();
    }

    /** Scheduled articles whose time has come. */
    public static List<Article> dueForPublication(Instant now) {
        return list("status = ?1 and publishedAt <= ?2", ArticleStatus.SCHEDULED, now);
    }

    /** Slugs of published or scheduled articles whose body quotes this quote. */
    public static List<String> slugsOfLiveArticlesQuoting(UUID quoteId) {
        return getEntityManager().createQuery("select distinct a.slug from Article a join a.quoteIds quoted"
                + " where quoted = :quote and a.status in (:live) order by a.slug", String.class)
                .setParameter("quote", quoteId)
                .setParameter("live", List.of(ArticleStatus.PUBLISHED, ArticleStatus.SCHEDULED))
                .getResultList();
    }

    /** Slugs of published or scheduled articles that use this image (lead or body). */
    public static List<String> slugsOfLiveArticlesUsingImage(UUID imageId) {
        return getEntityManager().createQuery("select distinct a.slug from Article a join a.imageIds used"
                + " where used = :image and a.status in (:live) order by a.slug", String.class)
                .setParameter("image", imageId)
                .setParameter("live", List.of(ArticleStatus.PUBLISHED, ArticleStatus.SCHEDULED))
                .getResultList();
    }

    /** Drops an image from the references of the (unpublished) articles that use it, before it is deleted. */
    public static void forgetImage(UUID imageId) {
        getEntityManager().createNativeQuery("delete from article_image where image_id = :image")
                .setParameter("image", imageId)
                .executeUpdate();
    }

    /** Drops a quote from the references of the (unpublished) articles that use it, before it is deleted. */
    public static void forgetQuote(UUID quoteId) {
        getEntityManager().createNativeQuery("delete from article_quote where quote_id = :quote")
                .setParameter("quote", quoteId)
                .executeUpdate();
    }
}
