package io.lede.live;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;

import io.lede.article.Article;
import io.lede.article.ArticleStatus;
import io.lede.article.LiveStatus;
import io.lede.article.ArticleRepository;
import io.lede.article.BodyBlock;
import io.lede.article.BodyReferences;
import io.lede.error.ProblemException;
import io.lede.error.ProblemType;
import io.lede.http.IfMatch;
import io.lede.input.Includes;
import io.lede.input.MergePatcher;
import io.lede.http.Representations;
import io.lede.http.VersionedWrites;
import io.lede.paging.Cursor;
import io.lede.paging.TimeKeyset;
import io.lede.paging.TimeOrder;
import io.lede.db.RetryOnConflict;
import io.lede.text.Ids;
import io.lede.live.stream.LiveEvents;
import io.lede.live.stream.Streams;
import io.quarkus.logging.Log;

/**
 * Live blog entries: visibility (a draft's entries are the editors'), optimistic locking, and the
 * stream event of every write, appended in the write's own transaction so that an event exists
 * exactly when its entry change committed.
 */
@ApplicationScoped
@Transactional
@RetryOnConflict
public class EntryService {

    /** The live blog an entry request is about, as far as the caller may see it. */
    public record Blog(UUID id, boolean published) {
    }

    /** One page of entries, with the cursor of the next page (null on the last). */
    public record Page(Blog blog, List<EntryView> items, Cursor next, Long total) {
    }

    /** An entry with the blog it belongs to. */
    public record Found(Blog blog, EntryView entry) {
    }

    /** The {@code data} of an {@code entry.deleted} event. */
    @Schema(name = "EntryDeleted")
    public record Deleted(@Schema(required = true) String id) {
    }

    private final EntryMapper mapper;
    private final EntryQuery query;
    private final MergePatcher patcher;
    private final VersionedWrites writes;
    private final BodyReferences references;
    private final Representations representations;
    private final LiveEvents events;
    private final ArticleRepository articles;

    public EntryService(EntryMapper mapper, EntryQuery query, MergePatcher patcher, VersionedWrites writes,
            BodyReferences references, Representations representations, LiveEvents events,
            ArticleRepository articles) {
        this.articles = articles;
        this.mapper = mapper;
        this.query = query;
        this.patcher = patcher;
        this.writes = writes;
        this.references = references;
        this.representations = representations;
        this.events = events;
    }

    /** The article by id or slug, when the caller may see it: published, or any status for editors. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Blog blog(String idOrSlug, boolean editor) {
        return articles.findByIdOrSlug(idOrSlug)
                .filter(article -> editor || article.isPublished())
                .map(article -> new Blog(article.id, article.isPublished()))
                .orElseThrow(() -> ProblemException.notFound("article", idOrSlug));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page list(String idOrSlug, EntryFilter filter, boolean editor, Includes includes) {
        Blog blog = blog(idOrSlug, editor);
        EntryQuery.Since since = filter.since() == null ? null : Entry.readOnly(blog.id(), filter.since())
                .map(entry -> new EntryQuery.Since(entry.publishedAt, entry.id))
                .orElseThrow(() -> ProblemException.invalid("since", "no entry of this live blog has this id"));
        List<TimeKeyset.Row> rows = query.page(blog.id(), filter, since);
        boolean more = rows.size() > filter.limit();
        List<TimeKeyset.Row> page = more ? rows.subList(0, filter.limit()) : rows;
        Long total = filter.count() ? query.count(blog.id(), filter, since) : null;
        Map<UUID, Entry> byId = Entry.withIds(page.stream().map(TimeKeyset.Row::id).toList()).stream()
                .collect(Collectors.toMap(entry -> entry.id, Function.identity()));
        List<EntryView> items = inline(page.stream().map(row -> byId.get(row.id())).filter(Objects::nonNull)
                .map(mapper::toView).toList(), includes, editor);
        Cursor next = more ? page.get(page.size() - 1).cursor(TimeOrder.NEWEST) : null;
        return new Page(blog, items, next, total);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Found find(String idOrSlug, String entryId, boolean editor, Includes includes) {
        Blog blog = blog(idOrSlug, editor);
        EntryView entry = Ids.parse(entryId).flatMap(id -> Entry.readOnly(blog.id(), id)).map(mapper::toView)
                .orElseThrow(() -> ProblemException.notFound("entry", entryId));
        return new Found(blog, inline(List.of(entry), includes, editor).get(0));
    }

    /** Adds an entry to a live blog (an article with {@code live} set; 409 otherwise). */
    public Found create(String articleId, EntryRequest request) {
        ArticleState article = Ids.parse(articleId).flatMap(EntryService::state)
                .orElseThrow(() -> ProblemException.notFound("article", articleId));
        if (article.live() == null) {
            throw ProblemException.of(ProblemType.CONFLICT,
                    "The article is not a live blog: set its live field ({\"status\": \"live\"}) first");
        }
        Instant now = now();
        Entry entry = new Entry();
        entry.id = UUID.randomUUID();
        entry.articleId = article.id();
        entry.createdAt = now;
        apply(request, entry, now);
        entry.persistAndFlush();
        EntryView view = mapper.toView(entry);
        events.append(Streams.article(article.id()), "entry.created", json(view), article.published());
        Log.infof("Added entry %s to live blog %s", entry.id, article.id());
        return new Found(new Blog(article.id(), article.published()), view);
    }

    /** PATCH: merges an RFC 7396 patch into the version the caller's If-Match names, then validates the result. */
    public EntryView patch(String articleId, String entryId, JsonNode patch, IfMatch ifMatch) {
        Entry entry = lockedForWrite(articleId, entryId, ifMatch);
        apply(patcher.apply(mapper.toRequest(entry), patch, EntryRequest.class), entry, now());
        entry.flush();
        EntryView view = mapper.toView(entry);
        events.append(Streams.article(entry.articleId), "entry.updated", json(view), published(entry.articleId));
        return view;
    }

    public void delete(String articleId, String entryId, IfMatch ifMatch) {
        Entry entry = lockedForWrite(articleId, entryId, ifMatch);
        entry.delete();
        Entry.flush();
        events.append(Streams.article(entry.articleId), "entry.deleted", json(new Deleted(entry.id.toString())),
                published(entry.articleId));
        Log.infof("Deleted entry %s of live blog %s", entry.id, entry.articleId);
    }

    /**
     * Characters of text an entry may hold in all its blocks: every subscriber of the blog's stream
     * is sent each entry whole and a page lists up to 100, so entries stay short.
     */
    static final int MAX_TEXT = 20_000;

    /** Writes address articles and entries by id only; anything else is an unknown id. */
    private Entry lockedForWrite(String articleId, String entryId, IfMatch ifMatch) {
        UUID article = Ids.parse(articleId).orElseThrow(() -> ProblemException.notFound("article", articleId));
        return writes.lock(entryId, "entry", id -> Entry.lockedById(article, id), ifMatch, mapper::toView);
    }

    private void apply(EntryRequest request, Entry entry, Instant now) {
        int text = request.body().stream().map(BodyBlock::plainText).filter(Objects::nonNull).mapToInt(String::length).sum();
        if (text > MAX_TEXT) {
            throw ProblemException.invalid("body", "holds " + text + " characters of text; an entry holds at most " + MAX_TEXT
                    + " (an update of a few paragraphs: longer pieces are articles)");
        }
        references.requireExisting(request.body());
        mapper.copy(request, entry);
        Instant publishedAt = request.publishedAt() == null ? entry.publishedAt : request.publishedAt().truncatedTo(ChronoUnit.MILLIS);
        if (publishedAt == null) {
            publishedAt = now;
        }
        if (publishedAt.isAfter(now.plus(1, ChronoUnit.MINUTES))) {
            throw ProblemException.invalid("publishedAt", "is in the future; entries go out when they are posted");
        }
        entry.publishedAt = publishedAt;
        entry.updatedAt = now;
    }

    private List<EntryView> inline(List<EntryView> views, Includes includes, boolean editor) {
        if (includes.names().isEmpty()) {
            return views;
        }
        BodyReferences.Inliner inliner = references.inliner(views.stream().map(EntryView::body).toList(), includes, editor);
        return views.stream().map(view -> view.withBody(inliner.inline(view.body()))).toList();
    }

    private static boolean published(UUID articleId) {
        return state(articleId).map(ArticleState::published).orElse(false);
    }

    /** What entries need of their article: a projection, so that no body is read. */
    record ArticleState(UUID id, ArticleStatus status, LiveStatus live) {
        boolean published() {
            return status == ArticleStatus.PUBLISHED;
        }
    }

    private static java.util.Optional<ArticleState> state(UUID articleId) {
        return Entry.getEntityManager().createQuery("select a.id, a.status, a.liveStatus from Article a where a.id = :id",
                ArticleState.class).setParameter("id", articleId).getResultStream().findFirst();
    }

    /** Event data is what a GET of the entry returns, byte for byte. */
    private String json(Object view) {
        return new String(representations.bytes(view), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
