package io.lede.article;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.search.mapper.pojo.bridge.mapping.annotation.TypeBinderRef;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.TypeBinding;
import org.hibernate.type.SqlTypes;

import io.lede.error.ProblemException;
import io.lede.search.SearchDocument;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A story as stored. Never leaves the service: {@link ArticleMapper} turns it into {@link ArticleView}.
 * With a search engine configured, {@link SearchDocument} says what the engine's index holds of it
 * (indexed from the outbox on every write); without one these two annotations do nothing.
 */
@Entity
@Indexed(index = "article")
@TypeBinding(binder = @TypeBinderRef(type = SearchDocument.class))
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

    /** What it is about or mentions, in order; on the row, so a read costs no statement more. */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<EntityLink> entityLinks = new ArrayList<>();

    /** Who made it, in order; on the row like {@link #entityLinks}. */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Contributor> contributors = new ArrayList<>();

    /**
     * Every entity {@link #entityLinks} and {@link #contributors} name, kept in step with them like
     * {@link #imageIds}: what entity filters and "is it in use?" join.
     */
    @ElementCollection
    @CollectionTable(name = "article_entity", joinColumns = @JoinColumn(name = "article_id"))
    @OrderColumn(name = "position")
    @jakarta.persistence.Column(name = "entity_id")
    public List<UUID> entityIds = new ArrayList<>();

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

    /** When a correction, clarification or update was last published on it; null before the first. */
    public Instant materiallyUpdatedAt;

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

    /**
     * Moves to the requested status (draft when none). draft and archived keep the given time;
     * published defaults to now (or keeps its first publication time) and may not lie in the future;
     * scheduled needs a time, and one that has already passed publishes at once.
     */
    public void applyStatus(ArticleStatus requested, Instant publishedAt, Instant now) {
        ArticleStatus status = requested == null ? ArticleStatus.DRAFT : requested;
        switch (status) {
            case PUBLISHED -> {
                Instant at = publishedAt != null ? publishedAt
                        : isPublished() && this.publishedAt != null ? this.publishedAt : now;
                if (at.isAfter(now.plus(1, ChronoUnit.MINUTES))) {
                    throw ProblemException.invalid("publishedAt", "is in the future; use status scheduled to publish later");
                }
                this.publishedAt = at;
            }
            case SCHEDULED -> {
                if (publishedAt == null) {
                    throw ProblemException.invalid("publishedAt", "is required for a scheduled article");
                }
                this.publishedAt = publishedAt;
                if (!publishedAt.isAfter(now)) {
                    status = ArticleStatus.PUBLISHED;
                }
            }
            case DRAFT, ARCHIVED -> this.publishedAt = publishedAt;
        }
        moveTo(status, now);
    }
}
