package io.lede.search;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.hibernate.search.backend.elasticsearch.ElasticsearchExtension;
import org.hibernate.search.backend.elasticsearch.search.query.ElasticsearchSearchRequestTransformerContext;
import org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep;
import org.hibernate.search.engine.search.predicate.dsl.BooleanPredicateClausesStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.hibernate.search.util.common.SearchException;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import io.lede.error.ProblemException;
import io.lede.paging.TimeKeyset;
import io.quarkus.logging.Log;

/**
 * Article search on OpenSearch, when it is the configured engine ({@link SearchConfig}): the ids of
 * a page of matches in order, their count, and where each matched. The list filters the index holds
 * ({@link SearchDocument}) are applied by the engine, so a page is exact; the caller loads the rows
 * by id, as it does for the database's search. Matching is the database's: {@link io.lede.text.SearchSyntax}, each
 * text in its language ({@link EngineLanguages}). Relevance is the engine's BM25 over the fields
 * (headline ×5, standfirst ×2, body ×1) multiplied by {@code 2^(−age / 180 days)}, the recency boost
 * of the database's rank, over the same candidates (the newest matches). Pages are keyset pages on
 * (time, id), or (score, time, id) by relevance.
 */
@ApplicationScoped
public class SearchEngine {

    static final String ENTITY = "Article";

    private final SearchConfig config;
    private final Instance<SearchSession> sessions;

    public SearchEngine(SearchConfig config, Instance<SearchSession> sessions) {
        this.config = config;
        this.sessions = sessions;
    }

    /** Whether OpenSearch answers searches; when not, the database does. */
    public boolean enabled() {
        return config.opensearch();
    }

    /** Up to {@code size} hits of the page the request names, in its order. */
    public List<SearchHit> page(SearchRequest request) {
        if (request.order() == SearchRequest.Order.RELEVANCE) {
            return ranked(request);
        }
        // No score in time order: the text is a filter, and newest first is the index's own order
        // (index-settings.json), so the engine stops at the page's last hit instead of sorting every match.
        return call(() -> hits(request, request.order() == SearchRequest.Order.OLDEST, request.size()));
    }

    /**
     * A page by relevance, ranked as the database ranks ({@code TimeKeyset}): among the
     * {@value #RELEVANCE_CANDIDATES} newest matches, by the engine's BM25 score over the fields times
     * the recency boost {@code 2^(−age / 180 days)}, then time, then id, after the cursor's (score,
     * time, id). Two requests: the first finds where the candidates end (the oldest of them, off the
     * time-sorted index without scoring anything), the second scores only the matches from there on.
     * Scoring every match made a common word cost the engine 125,000 scored documents a page at
     * 1,000,000 articles (113 pages/s, p99 278 ms on 2 cores).
     */
    private List<SearchHit> ranked(SearchRequest request) {
        return call(() -> {
            SearchHit oldest = oldestCandidate(request);
            SearchSession session = sessions.get();
            return session.search(session.scope(Object.class, ENTITY))
                    .extension(ElasticsearchExtension.get())
                    .select(f -> f.jsonHit())
                    .where(f -> {
                        BooleanPredicateClausesStep<?, ?> bool = filtered(f, f.bool().must(EngineText.recencyScored(f, request.q())), request);
                        if (oldest != null) {
                            // One range on the time (cheap on the time-sorted index; an OR of conditions made the
                            // engine walk every match of the text), less the oldest candidate's time-mates after it.
                            bool.filter(f.range().field(SearchDocument.SORTED_AT).atLeast(oldest.at()));
                            bool.mustNot(f.and(f.match().field(SearchDocument.SORTED_AT).matching(oldest.at()),
                                    f.range().field(SearchDocument.KEY).lessThan(oldest.id().toString())));
                        }
                        return bool;
                    })
                    .sort(f -> f.score().then().field(SearchDocument.SORTED_AT).desc().then().field(SearchDocument.KEY).desc())
                    .requestTransformer(context -> {
                        sortValuesOnly(context);
                        if (request.afterId() != null) {
                            JsonArray after = new JsonArray();
                            after.add(request.afterScore() == null ? 0f : request.afterScore());
                            after.add(request.afterAt().toEpochMilli());
                            after.add(request.afterId().toString());
                            context.body().add("search_after", after);
                        }
                    })
                    .fetchHits(request.size()).stream()
                    .map(hit -> {
                        JsonArray sortValues = hit.getAsJsonArray("sort");
                        return new SearchHit(UUID.fromString(sortValues.get(2).getAsString()), Instant.ofEpochMilli(sortValues.get(1).getAsLong()),
                                sortValues.get(0).getAsFloat());
                    }).toList();
        });
    }

    /**
     * The oldest of the {@value #RELEVANCE_CANDIDATES} newest matches, or null when there are fewer
     * (every match is a candidate). The engine stops at it: it is the last hit of the first page of
     * that size in the index's own order, and only it is returned.
     */
    private SearchHit oldestCandidate(SearchRequest request) {
        SearchSession session = sessions.get();
        List<JsonObject> last = session.search(session.scope(Object.class, ENTITY))
                .extension(ElasticsearchExtension.get())
                .select(f -> f.jsonHit())
                .where(f -> matching(f, request, false))
                .sort(f -> f.field(SearchDocument.SORTED_AT).desc().then().field(SearchDocument.KEY).desc())
                .requestTransformer(SearchEngine::sortValuesOnly)
                .fetchHits(RELEVANCE_CANDIDATES - 1, 1);
        return last.isEmpty() ? null : timeHit(last.get(0));
    }

    /**
     * Up to {@code size} matches in time order from the cursor on, unscored. A hit's id and time are
     * its sort values: the engine reads no stored document (an article's whole text, or even its id).
     */
    private List<SearchHit> hits(SearchRequest request, boolean oldest, int size) {
        SearchSession session = sessions.get();
        return session.search(session.scope(Object.class, ENTITY))
                .extension(ElasticsearchExtension.get())
                .select(f -> f.jsonHit())
                .where(f -> matching(f, request, true))
                .sort(f -> oldest ? f.field(SearchDocument.SORTED_AT).asc().then().field(SearchDocument.KEY).asc()
                        : f.field(SearchDocument.SORTED_AT).desc().then().field(SearchDocument.KEY).desc())
                .requestTransformer(SearchEngine::sortValuesOnly)
                .fetchHits(size).stream().map(SearchEngine::timeHit).toList();
    }

    /** A hit of a search in time order, from its sort values: (time in milliseconds, key). */
    private static SearchHit timeHit(JsonObject hit) {
        JsonArray sortValues = hit.getAsJsonArray("sort");
        return new SearchHit(UUID.fromString(sortValues.get(1).getAsString()), Instant.ofEpochMilli(sortValues.get(0).getAsLong()), null);
    }

    private static void sortValuesOnly(ElasticsearchSearchRequestTransformerContext context) {
        context.body().addProperty("_source", false);
        context.body().addProperty("stored_fields", "_none_");
    }

    /** How many of the newest matches {@code sort=relevance} ranks: as many as the database ranks. */
    static final int RELEVANCE_CANDIDATES = TimeKeyset.RELEVANCE_CANDIDATES;

    /** How many articles match, whatever the page. */
    public long count(SearchRequest request) {
        return call(() -> {
            SearchSession session = sessions.get();
            return session.search(session.scope(Object.class, ENTITY)).where(f -> matching(f, request, false)).fetchTotalHitCount();
        });
    }

    /**
     * Where {@code q} matched each of these articles: fields in the order headline, standfirst,
     * bodyText, each fragment HTML-escaped with its matches in {@code <mark>} ({@link EngineHighlights}).
     */
    public Map<UUID, List<Highlight>> highlights(Collection<UUID> ids, String q) {
        return ids.isEmpty() ? Map.of() : call(() -> EngineHighlights.find(sessions.get(), ids, q));
    }

    /** The request's text and filters, all as filters (nothing is scored), from the cursor on in time order when {@code fromCursor}. */
    private static PredicateFinalStep matching(SearchPredicateFactory f, SearchRequest request, boolean fromCursor) {
        BooleanPredicateClausesStep<?, ?> bool = filtered(f, f.bool().filter(EngineText.text(f, request.q())), request);
        if (fromCursor && request.afterId() != null && request.order() != SearchRequest.Order.RELEVANCE) {
            boolean oldest = request.order() == SearchRequest.Order.OLDEST;
            Instant at = request.afterAt();
            String id = request.afterId().toString();
            bool.filter(f.or(
                    oldest ? f.range().field(SearchDocument.SORTED_AT).greaterThan(at) : f.range().field(SearchDocument.SORTED_AT).lessThan(at),
                    f.and(f.match().field(SearchDocument.SORTED_AT).matching(at),
                            oldest ? f.range().field(SearchDocument.KEY).greaterThan(id) : f.range().field(SearchDocument.KEY).lessThan(id))));
        }
        return bool;
    }

    /** The request's list filters added to {@code bool}. */
    private static BooleanPredicateClausesStep<?, ?> filtered(SearchPredicateFactory f, BooleanPredicateClausesStep<?, ?> bool,
            SearchRequest request) {
        bool.filter(f.terms().field(SearchDocument.STATUS).matchingAny(request.statuses()));
        if (request.section() != null) {
            bool.filter(f.match().field(SearchDocument.SECTION).matching(request.section()));
        }
        if (request.language() != null) {
            bool.filter(f.match().field(SearchDocument.LANGUAGE).matching(request.language()));
        }
        if (request.tag() != null) {
            bool.filter(f.match().field(SearchDocument.TAGS).matching(request.tag().toLowerCase(java.util.Locale.ROOT)));
        }
        if (request.entity() != null) {
            bool.filter(f.match().field(SearchDocument.ENTITIES).matching(request.entity().toString()));
        }
        if (request.from() != null) {
            bool.filter(f.range().field(SearchDocument.PUBLISHED_AT).atLeast(request.from()));
        }
        if (request.to() != null) {
            bool.filter(f.range().field(SearchDocument.PUBLISHED_AT).lessThan(request.to()));
        }
        return bool;
    }

    /** Runs a request to the engine; its absence (see {@link #unavailable}) becomes a 503. Also {@link SearchIndexes#recreate}'s. */
    static <T> T call(java.util.function.Supplier<T> search) {
        try {
            return search.get();
        } catch (SearchException e) {
            if (tooManyClauses(e)) {
                // The engine answers this with a 500, but no retry would help: it is the query's size.
                Log.infof("A search passed the engine's indices.query.bool.max_clause_count (docs/search.md): %s", e.getMessage());
                throw ProblemException.invalid("q", "has more words than the search engine looks for at once; search with fewer words");
            }
            if (unavailable(e)) {
                throw new SearchUnavailableException("The search engine did not answer", e);
            }
            throw e;
        }
    }

    /**
     * Whether the engine refused the query for its number of clauses: each word is looked for in
     * each language's reading over eighteen fields, and OpenSearch counts every one against a limit
     * of 1,024 unless its operator raised it (docs/search.md).
     */
    static boolean tooManyClauses(Throwable failure) {
        return causeSays(failure, "too_many_nested_clauses", "too_many_clauses");
    }

    /** Whether the message of the failure or of one of its causes holds one of these words: how the engine's refusals are told apart. */
    static boolean causeSays(Throwable failure, String... words) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String message = String.valueOf(cause.getMessage());
            for (String word : words) {
                if (message.contains(word)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether a failure is the engine's absence (no connection, a timeout, a 5xx, the index not
     * created yet) rather than a request it refused (a 4xx: a bug here, a 500 rather than a 503).
     */
    static boolean unavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.io.IOException || cause instanceof java.util.concurrent.TimeoutException) {
                return true;
            }
        }
        String message = String.valueOf(failure.getMessage());
        return !message.contains("Response: 4") || message.contains("index_not_found");
    }
}
