package io.lede.article;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;

import io.lede.db.RetryOnConflict;
import io.lede.error.ProblemException;
import io.lede.error.ProblemType;
import io.lede.http.IfMatch;
import io.lede.http.VersionedWrites;
import io.lede.input.Includes;
import io.lede.input.MergePatcher;
import io.lede.paging.Page;
import io.lede.paging.Slice;
import io.lede.paging.TimeKeyset;
import io.lede.quote.QuoteService;
import io.lede.quote.QuoteView;
import io.lede.search.Highlight;
import io.lede.security.Audience;
import io.lede.text.Languages;
import io.quarkus.arc.All;
import io.quarkus.logging.Log;

/** Articles' rules: visibility, slugs, publication, optimistic locking, tombstones. */
@ApplicationScoped
@Transactional
@RetryOnConflict
public class ArticleService {

    private final ArticleRepository articles;
    private final ArticleMapper mapper;
    private final ArticleSlugs slugs;
    private final ArticleIncludes inlined;
    private final BodyReferences references;
    private final MergePatcher patcher;
    private final QuoteService quotes;
    private final VersionedWrites writes;
    private final Clock clock;
    private final List<PublicationCheck> publicationChecks;
    private final ArticleEntities entities;
    private final PageBudget budget;

    public ArticleService(ArticleRepository articles, ArticleMapper mapper, ArticleSlugs slugs, ArticleIncludes inlined,
            BodyReferences references, MergePatcher patcher, QuoteService quotes, VersionedWrites writes, Clock clock,
            @All List<PublicationCheck> publicationChecks, ArticleEntities entities, PageBudget budget) {
        this.articles = articles;
        this.budget = budget;
        this.entities = entities;
        this.publicationChecks = publicationChecks;
        this.clock = clock;
        this.mapper = mapper;
        this.slugs = slugs;
        this.inlined = inlined;
        this.references = references;
        this.patcher = patcher;
        this.quotes = quotes;
        this.writes = writes;
    }

    /** An article by id or slug; drafts and other unpublished articles only for editors. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ArticleView find(String idOrSlug, Audience audience, Includes includes) {
        return articles.findByIdOrSlug(idOrSlug)
                .filter(article -> audience.seesUnpublished() || article.isPublished())
                .map(article -> inlined.inline(List.of(view(article, audience)), includes, audience).get(0))
                .orElseThrow(() -> ProblemException.notFound("article", idOrSlug));
    }

    /** The quotes of an article found with {@link #find}: body order first, then others linked to it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<QuoteView> quotesOf(ArticleView article, Audience audience) {
        return quotes.forArticle(UUID.fromString(article.id()), BodyBlock.quoteIds(article.body()), audience);
    }

    /** A page of the list; with {@code highlight}, each item says where the search matched it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ArticleView> list(ArticleFilter filter, Audience audience, Includes includes, boolean highlight) {
        Slice<TimeKeyset.Row> slice = Slice.of(articles.page(filter), filter.list().limit());
        slice = slice.first(budget.fitting(slice.rows().stream().map(TimeKeyset.Row::id).toList()));
        return Page.of(slice,
                rows -> {
                    List<UUID> ids = rows.stream().map(TimeKeyset.Row::id).toList();
                    List<ArticleView> views = viewsOf(ids, audience, includes);
                    return highlight ? highlighted(views, ids, filter.list().q()) : views;
                },
                row -> row.cursor(filter.list().order()), filter.list().count() ? articles.count(filter) : null);
    }



    private List<ArticleView> highlighted(List<ArticleView> views, List<UUID> ids, String q) {
        Map<UUID, List<Highlight>> found = articles.highlights(ids, q);
        return views.stream().map(view -> view.withHighlights(found.getOrDefault(UUID.fromString(view.id()), List.of()))).toList();
    }

    /**
     * The articles with these ids, in this order, with tags and translations: three queries
     * whatever the number. Ids that no longer exist are left out.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ArticleView> viewsOf(List<UUID> ids, Audience audience, Includes includes) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, Article> byId = articles.withTags(ids).stream()
                .collect(Collectors.toMap(article -> article.id, Function.identity()));
        Set<UUID> groups = byId.values().stream().map(article -> article.translationGroup).collect(Collectors.toSet());
        Map<UUID, List<ArticleRepository.Sibling>> translations = articles.translationsIn(groups, !audience.seesUnpublished())
                .stream().collect(Collectors.groupingBy(ArticleRepository.Sibling::group));
        Map<UUID, List<CorrectionView>> corrections = Correction.of(corrected(byId.values())).stream()
                .collect(Collectors.groupingBy(correction -> correction.articleId, Collectors.mapping(Correction::toView, Collectors.toList())));
        return inlined.inline(ids.stream().map(byId::get).filter(Objects::nonNull)
                .map(article -> mapper.toView(article, translations.getOrDefault(article.translationGroup, List.of()),
                        corrections.getOrDefault(article.id, List.of())))
                .toList(), includes, audience);
    }

    public ArticleView create(ArticleRequest request) {
        Instant now = now();
        Article article = new Article();
        article.id = UUID.randomUUID();
        article.createdAt = now;
        article.translationGroup = article.id;
        apply(request, article, now);
        article.persistAndFlush();
        quotes.linkUnattached(article.quoteIds, article.id);
        Log.infof("Created article %s (%s)", article.id, article.slug);
        return view(article, Audience.EDITOR);
    }

    /** PUT: replaces every editable field of the version the caller's If-Match names. */
    public ArticleView replace(String id, ArticleRequest request, IfMatch ifMatch) {
        return write(lockedForWrite(id, ifMatch), request);
    }

    /** PATCH: merges an RFC 7396 patch into the version the caller's If-Match names, then validates the result as a whole. */
    public ArticleView patch(String id, JsonNode patch, IfMatch ifMatch) {
        Article article = lockedForWrite(id, ifMatch);
        return write(article, patcher.apply(mapper.toRequest(article), patch, ArticleRequest.class));
    }

    /**
     * Deletes. An article that has ever been published may only be deleted by an admin, whatever
     * its status now, and only such an article leaves a tombstone: sync clients are told about
     * deletions of what they could have seen, never about drafts or embargoed stories.
     */
    public void delete(String id, IfMatch ifMatch, Audience audience) {
        Article article = lockedForWrite(id, ifMatch);
        if (article.wasEverPublished() && audience != Audience.ADMIN) {
            throw ProblemException.of(ProblemType.FORBIDDEN,
                    "Only an admin may delete an article that has been published, whatever its status now; archive it instead");
        }
        if (article.wasEverPublished()) {
            ArticleTombstone.of(article.id, now()).persist();
        }
        article.delete();
        articles.flush();
        Log.infof("Deleted article %s (%s)", article.id, article.slug);
    }

    /**
     * Publishes a correction, clarification or update on an article that has been out: the
     * article's materiallyUpdatedAt moves, which readers, sync and webhooks see as a change.
     */
    public CorrectionView correct(String id, CorrectionRequest request, IfMatch ifMatch) {
        Article article = lockedForWrite(id, ifMatch);
        if (!article.wasEverPublished()) {
            throw ProblemException.of(ProblemType.CONFLICT, "The article has never been published: edit it instead of correcting it");
        }
        Instant now = now();
        Correction correction = new Correction();
        correction.id = UUID.randomUUID();
        correction.articleId = article.id;
        correction.kind = request.kind();
        correction.text = request.text().strip();
        correction.publishedAt = now;
        correction.persist();
        article.materiallyUpdatedAt = now;
        article.updatedAt = now;
        articles.flush();
        Log.infof("Published %s (%s) on article %s (%s)", correction.id, correction.kind.apiName(), article.id, article.slug);
        return correction.toView();
    }

    /** Publishes scheduled articles whose time has come; returns how many. */
    public int publishDue() {
        Instant now = now();
        List<Article> due = articles.dueForPublication(now);
        for (Article article : due) {
            article.moveTo(ArticleStatus.PUBLISHED, now);
            article.updatedAt = now;
            Log.infof("Published scheduled article %s (%s)", article.id, article.slug);
        }
        return due.size();
    }

    private ArticleView write(Article article, ArticleRequest request) {
        apply(request, article, now());
        articles.flush();
        quotes.linkUnattached(article.quoteIds, article.id);
        return view(article, Audience.EDITOR);
    }

    /** Writes address articles by id only; a slug or anything else is an unknown id. */
    private Article lockedForWrite(String id, IfMatch ifMatch) {
        return writes.lock(id, "article", articles::lockedById, ifMatch, article -> view(article, Audience.EDITOR));
    }

    /** Every check that queries runs before the entity is touched, so one write flushes once. */
    private void apply(ArticleRequest request, Article article, Instant now) {
        requireExistingReferences(request);
        String language = Languages.canonical(request.language());
        String slug = slugs.choose(request, article);
        UUID group = request.translationOf() != null ? groupOf(request.translationOf(), article) : article.translationGroup;
        if (articles.languageTakenInGroup(group, language, article.id)) {
            throw ProblemException.of(ProblemType.CONFLICT,
                    "This translation group already has an article in language " + language);
        }
        mapper.copyContent(request, article);
        article.language = language;
        article.slug = slug;
        article.translationGroup = group;
        boolean wasPublic = article.status != null && ArticleStatus.LIVE.contains(article.status);
        article.applyStatus(request.status(), truncate(request.publishedAt()), now);
        if (article.id != null && !wasPublic && article.status != null && ArticleStatus.LIVE.contains(article.status)) {
            publicationChecks.forEach(check -> check.beforeGoingPublic(article.id));
        }
        article.live(LiveCoverage.merge(article.live(), request.live(), now));
        article.updatedAt = now;
    }

    /**
     * Every quote, image and entity the article names must exist: a 400 naming each field that does
     * not. The ones found stay locked against deletion until this write commits, so that none goes
     * between this check and the write.
     */
    private void requireExistingReferences(ArticleRequest request) {
        references.requireExisting(request.body(), request.leadImage());
        entities.requireValid(request);
    }

    private UUID groupOf(UUID translationOf, Article article) {
        if (translationOf.equals(article.id)) {
            throw ProblemException.invalid("translationOf", "an article cannot be a translation of itself");
        }
        return articles.findByIdOptional(translationOf)
                .map(original -> original.translationGroup)
                .orElseThrow(() -> ProblemException.invalid("translationOf", "no article has this id"));
    }

    private ArticleView view(Article article, Audience audience) {
        return mapper.toView(article, articles.translationsOf(article.translationGroup, !audience.seesUnpublished()),
                Correction.of(corrected(List.of(article))).stream().map(Correction::toView).toList());
    }

    /** Which of these articles have corrections: those materially updated. The rest need no query. */
    private static List<UUID> corrected(Collection<Article> of) {
        return of.stream().filter(article -> article.materiallyUpdatedAt != null).map(article -> article.id).toList();
    }

    /** Stored times keep milliseconds, so what a write returns is exactly what a later read returns. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static Instant truncate(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
    }
}
