package io.lede.quote;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
import io.lede.entity.EntityService;
import io.lede.entity.EntitySummary;
import io.lede.entity.EntityType;
import io.lede.entity.EntityView;
import io.lede.error.ProblemException;
import io.lede.error.ProblemType;
import io.lede.http.IfMatch;
import io.lede.http.VersionedWrites;
import io.lede.input.MergePatcher;
import io.lede.paging.Cursor;
import io.lede.paging.Page;
import io.lede.paging.TimeKeyset;
import io.lede.security.Audience;
import io.lede.text.Ids;
import io.lede.text.Languages;
import io.quarkus.arc.All;
import io.quarkus.logging.Log;

/** Quotes' and speakers' rules: speaker identity, visibility, locking, what may be deleted. */
@ApplicationScoped
@Transactional
@RetryOnConflict
public class QuoteService {

    private final QuoteMapper mapper;
    private final QuoteQuery query;
    private final SpeakerQuery speakers;
    private final MergePatcher patcher;
    private final VersionedWrites writes;
    private final List<QuoteUsers> users;
    private final QuoteArticles articles;
    private final EntityService entities;

    public QuoteService(QuoteMapper mapper, QuoteQuery query, SpeakerQuery speakers, MergePatcher patcher,
            VersionedWrites writes, @All List<QuoteUsers> users, QuoteArticles articles, EntityService entities) {
        this.entities = entities;
        this.writes = writes;
        this.users = users;
        this.articles = articles;
        this.mapper = mapper;
        this.query = query;
        this.speakers = speakers;
        this.patcher = patcher;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public QuoteView find(String id, Audience audience) {
        UUID quoteId = parse(id, "quote");
        return Quote.<Quote> findByIdOptional(quoteId)
                .filter(quote -> audience.seesUnpublished() || query.isPublic(quoteId))
                .map(quote -> toViews(List.of(quote), audience).get(0))
                .orElseThrow(() -> ProblemException.notFound("quote", id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<QuoteView> list(QuoteFilter filter, Audience audience) {
        return Page.of(query.page(filter, audience), filter.list().limit(), rows -> {
            Map<UUID, Quote> byId = Quote.withSpeakers(rows.stream().map(TimeKeyset.Row::id).toList()).stream()
                    .collect(Collectors.toMap(quote -> quote.id, Function.identity()));
            return toViews(rows.stream().map(row -> byId.get(row.id())).toList(), audience);
        }, row -> row.cursor(filter.list().order()), filter.list().count() ? query.count(filter, audience) : null);
    }

    public QuoteView create(QuoteRequest request) {
        Quote quote = new Quote();
        quote.id = UUID.randomUUID();
        quote.createdAt = now();
        apply(request, quote);
        quote.persistAndFlush();
        Log.infof("Created quote %s by %s", quote.id, quote.speakerName);
        return editorView(quote);
    }

    /** PUT: replaces the version the caller's If-Match names. */
    public QuoteView replace(String id, QuoteRequest request, IfMatch ifMatch) {
        return write(lockedForWrite(id, ifMatch), request);
    }

    /** PATCH: merges into the version the caller's If-Match names, then validates the result as a whole. */
    public QuoteView patch(String id, JsonNode patch, IfMatch ifMatch) {
        Quote quote = lockedForWrite(id, ifMatch);
        return write(quote, patcher.apply(mapper.toRequest(quote), patch, QuoteRequest.class));
    }

    /** Refused while a published or scheduled article quotes it; drafts that quote it lose the reference. */
    public void delete(String id, IfMatch ifMatch) {
        Quote quote = lockedForWrite(id, ifMatch);
        // Articles being written that quote it hold it locked (see missing), so this sees all of them.
        List<String> live = users.stream().flatMap(user -> user.liveUsersOf(quote.id).stream()).distinct().sorted().toList();
        if (!live.isEmpty()) {
            throw ProblemException.of(ProblemType.CONFLICT, "The quote is used by published or scheduled article(s) or their live entries: "
                    + String.join(", ", live) + "; remove it from their bodies first");
        }
        // Drafts and archived articles that quote it lose the reference with it (on delete cascade).
        Speaker speaker = quote.speaker;
        quote.delete();
        dropIfUnquoted(speaker);
        Log.infof("Deleted quote %s", quote.id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<SpeakerView> speakers(String q, Cursor after, int limit, boolean count, Audience audience) {
        return Page.of(speakers.page(q, after, limit, audience), limit, rows -> {
            Map<UUID, SpeakerQuery.Label> labels = speakers.labels(rows.stream().map(SpeakerQuery.Row::id).toList(), audience);
            return rows.stream().map(row -> mapper.toView(row, labels.get(row.id()))).toList();
        }, SpeakerQuery.Row::cursor, count ? speakers.count(q, audience) : null);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public SpeakerView speaker(String id, Audience audience) {
        UUID speakerId = parse(id, "speaker");
        SpeakerQuery.Row row = speakers.one(speakerId, audience).stream().findFirst()
                .orElseThrow(() -> ProblemException.notFound("speaker", id));
        return mapper.toView(row, speakers.labels(List.of(speakerId), audience).get(speakerId));
    }

    /**
     * Of these ids, the ones no quote has. The others stay locked against deletion until the
     * caller's transaction ends: an article that names them is being written.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Set<UUID> missing(Collection<UUID> ids) {
        Set<UUID> wanted = new LinkedHashSet<>(ids);
        wanted.removeAll(Quote.lockedForShare(wanted).stream().map(quote -> quote.id).collect(Collectors.toSet()));
        return wanted;
    }

    /** Quotes an article's body uses that belong to no article yet now belong to it. */
    public void linkUnattached(Collection<UUID> ids, UUID articleId) {
        for (Quote quote : Quote.withSpeakers(ids)) {
            if (quote.articleId == null) {
                quote.articleId = articleId;
                quote.updatedAt = now();
            }
        }
    }

    /** The quotes with these ids, for inlining; the caller already may see the article that uses them. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<UUID, QuoteView> views(Collection<UUID> ids, Audience audience) {
        return toViews(Quote.withSpeakers(new HashSet<>(ids)), audience).stream()
                .collect(Collectors.toMap(view -> UUID.fromString(view.id()), Function.identity()));
    }

    /** An article's quotes: those its body uses, in body order, then others linked to it, oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<QuoteView> forArticle(UUID articleId, List<UUID> bodyOrder, Audience audience) {
        Map<UUID, QuoteView> inBody = views(bodyOrder, audience);
        Map<UUID, QuoteView> ordered = new LinkedHashMap<>();
        bodyOrder.stream().filter(inBody::containsKey).forEach(id -> ordered.putIfAbsent(id, inBody.get(id)));
        List<Quote> linked = Quote.linkedTo(articleId).stream().filter(quote -> !ordered.containsKey(quote.id)).toList();
        toViews(linked, audience).forEach(view -> ordered.put(UUID.fromString(view.id()), view));
        return new ArrayList<>(ordered.values());
    }

    /** Quotes as this caller may see them: the public learns which article a quote belongs to only once it is out. */
    private List<QuoteView> toViews(List<Quote> quotes, Audience audience) {
        boolean all = audience.seesUnpublished();
        Set<UUID> shown = all ? Set.of() : articles.publishedAmong(quotes.stream()
                .map(quote -> quote.articleId).filter(Objects::nonNull).collect(Collectors.toSet()));
        Map<UUID, EntitySummary> speakerEntities = entities.summaries(quotes.stream()
                .map(quote -> quote.speakerEntityId).filter(Objects::nonNull).collect(Collectors.toSet()));
        return quotes.stream()
                .map(quote -> mapper.toView(quote, all || quote.articleId == null || shown.contains(quote.articleId),
                        uriOf(speakerEntities.get(quote.speakerEntityId))))
                .toList();
    }

    /** The quote as editors see it. */
    private QuoteView editorView(Quote quote) {
        return mapper.toView(quote, quote.speakerEntityId == null ? null
                : uriOf(entities.summaries(List.of(quote.speakerEntityId)).get(quote.speakerEntityId)));
    }

    private static String uriOf(EntitySummary entity) {
        return entity == null ? null : entity.uri();
    }

    private QuoteView write(Quote quote, QuoteRequest request) {
        Speaker before = quote.speaker;
        apply(request, quote);
        quote.flush();
        if (!before.id.equals(quote.speaker.id)) {
            dropIfUnquoted(before);
        }
        return editorView(quote);
    }

    /** Writes address quotes by id; locked until the transaction ends, and checked against If-Match. */
    private Quote lockedForWrite(String id, IfMatch ifMatch) {
        return writes.lock(id, "quote", Quote::lockedById, ifMatch, this::editorView);
    }

    private void apply(QuoteRequest request, Quote quote) {
        Instant now = now();
        Instant saidAt = request.saidAt() == null ? null : request.saidAt().truncatedTo(ChronoUnit.MILLIS);
        if (saidAt != null && saidAt.isAfter(now.plus(1, ChronoUnit.MINUTES))) {
            throw ProblemException.invalid("saidAt", "is in the future");
        }
        // Locked, so that the article cannot go before this quote that links to it is written.
        if (request.articleId() != null && !articles.holdArticle(request.articleId())) {
            throw ProblemException.invalid("articleId", "no article has this id");
        }
        UUID entityId = request.speaker().entityId();
        if (entityId != null) {
            // Held, so that the entity cannot go before this quote that names it is written.
            EntityView entity = entities.hold(List.of(entityId)).get(entityId);
            if (entity == null) {
                throw ProblemException.invalid("speaker.entityId", "no entity has this id");
            }
            if (entity.type() != EntityType.PERSON) {
                throw ProblemException.invalid("speaker.entityId", "must be a person; this entity's type is " + entity.type().apiName());
            }
        }
        quote.speaker = Speaker.named(request.speaker().name());
        mapper.copyContent(request, quote, saidAt);
        quote.language = Languages.canonical(request.language());
        quote.updatedAt = now;
    }

    /**
     * A speaker exists while someone quotes them. Locked first: a quote naming them that is being
     * written holds them (see {@link Speaker#named}), and is counted once it is in.
     */
    private static void dropIfUnquoted(Speaker speaker) {
        Speaker.lockForUpdate(speaker);
        if (Quote.countBySpeaker(speaker) == 0) {
            speaker.delete();
        }
    }

    private static UUID parse(String id, String what) {
        return Ids.parse(id).orElseThrow(() -> ProblemException.notFound(what, id));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
