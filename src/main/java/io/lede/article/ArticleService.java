package io.lede.article;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
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

import io.lede.common.error.ProblemException;
import io.lede.common.error.ProblemType;
import io.lede.common.error.Problem;
import io.lede.common.http.IfMatch;
import io.lede.common.http.Includes;
import io.lede.common.http.MergePatcher;
import io.lede.common.http.VersionedWrites;
import io.lede.common.paging.Cursor;
import io.lede.common.paging.TimeKeyset;
import io.lede.common.sql.RetryOnConflict;
import io.lede.common.sql.RetryOnConflictInterceptor;
import io.lede.common.text.Ids;
import io.lede.common.text.Languages;
import io.lede.common.text.Slugs;
import io.lede.image.ImageService;
import io.lede.image.ImageView;
import io.lede.quote.QuoteService;
import io.lede.quote.QuoteView;
import io.quarkus.logging.Log;

/** Articles' rules: visibility, slugs, publication, optimistic locking, tombstones. */
@ApplicationScoped
@Transactional
@RetryOnConflict
public class ArticleService {

    /** One page of a list, with the cursor of the next page (null on the last). */
    public record Page(List<ArticleView> items, Cursor next, Long total) {
    }

    private final ArticleMapper mapper;
    private final ArticleQuery query;
    private final MergePatcher patcher;
    private final QuoteService quotes;
    private final ImageService images;
    private final VersionedWrites writes;

    public ArticleService(ArticleMapper mapper, ArticleQuery query, MergePatcher patcher, QuoteService quotes,
            ImageService images, VersionedWrites writes) {
        this.writes = writes;
        this.mapper = mapper;
        this.query = query;
        this.patcher = patcher;
        this.quotes = quotes;
        this.images = images;
    }

    /** An article by id or slug; drafts and other unpublished articles only for editors. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ArticleView find(String idOrSlug, boolean editor, Includes includes) {
        return Article.findByIdOrSlug(idOrSlug)
                .filter(article -> editor || article.isPublished())
                .map(article -> inline(List.of(view(article, editor)), includes, editor).get(0))
                .orElseThrow(() -> ProblemException.notFound("article", idOrSlug));
    }

    /** The quotes of an article found with {@link #find}: body order first, then others linked to it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<QuoteView> quotesOf(ArticleView article, boolean editor) {
        return quotes.forArticle(UUID.fromString(article.id()), BodyBlock.quoteIds(article.body()), editor);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page list(ArticleFilter filter, boolean editor, Includes includes) {
        List<TimeKeyset.Row> rows = query.page(filter);
        boolean more = rows.size() > filter.list().limit();
        List<TimeKeyset.Row> page = more ? rows.subList(0, filter.list().limit()) : rows;
        Long total = filter.list().count() ? query.count(filter) : null;
        if (page.isEmpty()) {
            return new Page(List.of(), null, total);
        }
        List<ArticleView> items = viewsOf(page.stream().map(TimeKeyset.Row::id).toList(), editor, includes);
        TimeKeyset.Row last = page.get(page.size() - 1);
        Cursor next = more ? last.cursor(filter.list().order()) : null;
        return new Page(items, next, total);
    }

    /**
     * The articles with these ids, in this order, with tags and translations: three queries
     * whatever the number. Ids that no longer exist are left out.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ArticleView> viewsOf(List<UUID> ids, boolean editor, Includes includes) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, Article> byId = Article.withTags(ids).stream()
                .collect(Collectors.toMap(article -> article.id, Function.identity()));
        Set<UUID> groups = byId.values().stream().map(article -> article.translationGroup).collect(Collectors.toSet());
        Map<UUID, List<Article.Sibling>> translations = Article.translationsIn(groups, !editor).stream()
                .collect(Collectors.groupingBy(Article.Sibling::group));
        return inline(ids.stream().map(byId::get).filter(Objects::nonNull)
                .map(article -> mapper.toView(article, translations.getOrDefault(article.translationGroup, List.of())))
                .toList(), includes, editor);
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
        return view(article, true);
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
    public void delete(String id, IfMatch ifMatch, boolean admin) {
        Article article = lockedForWrite(id, ifMatch);
        if (article.wasEverPublished() && !admin) {
            throw ProblemException.of(ProblemType.FORBIDDEN,
                    "Only an admin may delete an article that has been published, whatever its status now; archive it instead");
        }
        if (article.wasEverPublished()) {
            ArticleTombstone.of(article.id, now()).persist();
        }
        article.delete();
        Article.flush();
        Log.infof("Deleted article %s (%s)", article.id, article.slug);
    }

    /** Publishes scheduled articles whose time has come; returns how many. */
    public int publishDue() {
        Instant now = now();
        List<Article> due = Article.dueForPublication(now);
        for (Article article : due) {
            article.moveTo(ArticleStatus.PUBLISHED, now);
            article.updatedAt = now;
            Log.infof("Published scheduled article %s (%s)", article.id, article.slug);
        }
        return due.size();
    }

    private ArticleView write(Article article, ArticleRequest request) {
        apply(request, article, now());
        article.flush();
        quotes.linkUnattached(article.quoteIds, article.id);
        return view(article, true);
    }

    /** Writes address articles by id only; a slug or anything else is an unknown id. */
    private Article lockedForWrite(String id, IfMatch ifMatch) {
        return writes.checked(Ids.parse(id).flatMap(Article::lockedById), "article", id, ifMatch, article -> view(article, true));
    }

    /** Every check that queries runs before the entity is touched, so one write flushes once. */
    private void apply(ArticleRequest request, Article article, Instant now) {
        requireExistingReferences(request);
        String language = Languages.canonical(request.language());
        String slug = chooseSlug(request, article);
        UUID group = request.translationOf() != null ? groupOf(request.translationOf(), article) : article.translationGroup;
        if (Article.languageTakenInGroup(group, language, article.id)) {
            throw ProblemException.of(ProblemType.CONFLICT,
                    "This translation group already has an article in language " + language);
        }
        mapper.copyContent(request, article);
        article.language = language;
        article.slug = slug;
        article.translationGroup = group;
        applyStatus(article, request.status(), truncate(request.publishedAt()), now);
        article.live(LiveCoverage.merge(article.live(), request.live(), now));
        article.updatedAt = now;
    }

    /**
     * Every quote and image the article names must exist: a 400 naming each field that does not.
     * The ones found stay locked against deletion until this write commits, so that none goes
     * between this check and the write.
     */
    private void requireExistingReferences(ArticleRequest request) {
        List<BodyBlock> body = request.body();
        Set<UUID> missingQuotes = quotes.missing(BodyBlock.quoteIds(body));
        List<UUID> imageIds = new ArrayList<>(BodyBlock.imageIds(body));
        if (request.leadImage() != null) {
            imageIds.add(request.leadImage());
        }
        Set<UUID> missingImages = images.missing(imageIds);
        if (missingQuotes.isEmpty() && missingImages.isEmpty()) {
            return;
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            if (body.get(i) instanceof BodyBlock.Quote quote && missingQuotes.contains(quote.quoteId())) {
                errors.add(new Problem.FieldError("body[" + i + "].quoteId", "no quote has this id"));
            }
            if (body.get(i) instanceof BodyBlock.Image image && missingImages.contains(image.imageId())) {
                errors.add(new Problem.FieldError("body[" + i + "].imageId", "no image has this id"));
            }
        }
        if (request.leadImage() != null && missingImages.contains(request.leadImage())) {
            errors.add(new Problem.FieldError("leadImage", "no image has this id"));
        }
        throw new ProblemException(Problem.validation(errors));
    }

    /** With include=quotes or include=images, blocks (and the lead image) carry their objects: one query per kind per page. */
    private List<ArticleView> inline(List<ArticleView> views, Includes includes, boolean editor) {
        List<ArticleView> result = views;
        if (includes.has(ArticleResource.INCLUDE_QUOTES)) {
            Map<UUID, QuoteView> byId = quotes.views(result.stream().flatMap(view -> BodyBlock.quoteIds(view.body()).stream()).toList(),
                    editor);
            result = result.stream().map(view -> view.withBody(view.body().stream()
                    .map(block -> block instanceof BodyBlock.Quote quote ? quote.with(byId.get(quote.quoteId())) : block)
                    .toList())).toList();
        }
        if (includes.has(ArticleResource.INCLUDE_IMAGES)) {
            List<UUID> ids = new ArrayList<>();
            result.forEach(view -> {
                ids.addAll(BodyBlock.imageIds(view.body()));
                if (view.leadImage() != null) {
                    ids.add(UUID.fromString(view.leadImage().toString()));
                }
            });
            Map<UUID, ImageView> byId = images.views(ids);
            result = result.stream().map(view -> view
                    .withLeadImage(view.leadImage() == null ? null : byId.get(UUID.fromString(view.leadImage().toString())))
                    .withBody(view.body().stream()
                            .map(block -> block instanceof BodyBlock.Image image ? image.with(byId.get(image.imageId())) : block)
                            .toList())).toList();
        }
        return result;
    }

    /**
     * The slug the client sent (409 when another article has it), the one the article has, or one
     * made from the headline: the first of {@code base}, {@code base-2}, {@code base-3}... that is
     * free. Writers racing with one headline all find the same one free and all but one lose; run
     * again, the losers take one made unique by their article's id instead, so that they do not
     * collide once more.
     */
    private static String chooseSlug(ArticleRequest request, Article article) {
        if (request.slug() != null) {
            if (Article.slugTaken(request.slug(), article.id)) {
                throw ProblemException.of(ProblemType.CONFLICT, "The slug '" + request.slug() + "' is already used by another article");
            }
            return request.slug();
        }
        if (article.slug != null) {
            return article.slug;
        }
        String own = article.id.toString().substring(0, 8);
        String base = Slugs.from(request.headline());
        if (base.isEmpty()) {
            return "article-" + own;
        }
        if (!Article.slugTaken(base, article.id)) {
            return base;
        }
        if (RetryOnConflictInterceptor.isRetry()) {
            return Slugs.withSuffix(base, own);
        }
        String slug;
        for (int n = 2;; n++) {
            slug = Slugs.withSuffix(base, Integer.toString(n));
            if (!Article.slugTaken(slug, article.id)) {
                return slug;
            }
        }
    }

    private static UUID groupOf(UUID translationOf, Article article) {
        if (translationOf.equals(article.id)) {
            throw ProblemException.invalid("translationOf", "an article cannot be a translation of itself");
        }
        return Article.<Article> findByIdOptional(translationOf)
                .map(original -> original.translationGroup)
                .orElseThrow(() -> ProblemException.invalid("translationOf", "no article has this id"));
    }

    /**
     * draft and archived keep the given time; published defaults to now (or keeps its first
     * publication time) and may not lie in the future; scheduled needs a time, and one that has
     * already passed publishes at once.
     */
    private static void applyStatus(Article article, ArticleStatus requested, Instant publishedAt, Instant now) {
        ArticleStatus status = requested == null ? ArticleStatus.DRAFT : requested;
        switch (status) {
            case PUBLISHED -> {
                Instant at = publishedAt != null ? publishedAt
                        : article.isPublished() && article.publishedAt != null ? article.publishedAt : now;
                if (at.isAfter(now.plus(1, ChronoUnit.MINUTES))) {
                    throw ProblemException.invalid("publishedAt", "is in the future; use status scheduled to publish later");
                }
                article.publishedAt = at;
            }
            case SCHEDULED -> {
                if (publishedAt == null) {
                    throw ProblemException.invalid("publishedAt", "is required for a scheduled article");
                }
                article.publishedAt = publishedAt;
                if (!publishedAt.isAfter(now)) {
                    status = ArticleStatus.PUBLISHED;
                }
            }
            case DRAFT, ARCHIVED -> article.publishedAt = publishedAt;
        }
        article.moveTo(status, now);
    }

    private ArticleView view(Article article, boolean editor) {
        return mapper.toView(article, Article.translationsOf(article.translationGroup, !editor));
    }

    /** Stored times keep milliseconds, so what a write returns is exactly what a later read returns. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private static Instant truncate(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
    }
}
