package io.lede.search;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.hibernate.search.backend.elasticsearch.ElasticsearchExtension;
import org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep;
import org.hibernate.search.engine.search.predicate.dsl.BooleanPredicateClausesStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.engine.search.projection.SearchProjection;
import org.hibernate.search.mapper.orm.scope.SearchScope;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.hibernate.search.util.common.SearchException;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.gson.JsonArray;

import io.lede.text.HighlightMarks;

/**
 * Article search on OpenSearch, when it is the configured engine ({@link SearchConfig}): the ids of
 * a page of matches in order, their count, and where each matched. The list filters the index holds
 * ({@link SearchDocument}) are applied by the engine, so a page is exact; the caller loads the rows
 * by id, as it does for the database's search. Matching is the database's: web-search syntax, each
 * text in its language ({@link EngineLanguages}). Relevance is the engine's BM25 over the fields
 * (headline ×5, standfirst ×2, body ×1) multiplied by {@code 2^(−age / 180 days)}, the recency boost
 * of the database's rank. Pages are keyset pages: by time, the (time, id) of the last hit; by
 * relevance, OpenSearch's {@code search_after} on (score, time, id).
 */
@ApplicationScoped
public class SearchEngine {

    static final String ENTITY = "Article";

    /** Field boosts: a headline match outweighs a standfirst one, which outweighs the body, as in the database's rank. */
    private static final List<String> TEXT_FIELDS = List.of("headline_*^5", "standfirst_*^2", "bodyText_*");

    /** Days of age that halve a score, as {@code SqlFilter.RECENCY_HALF_LIFE_DAYS}. */
    static final int RECENCY_HALF_LIFE_DAYS = 180;

    /** Characters of the body around matches in a highlight passage. */
    static final int PASSAGE = 160;

    private static final ObjectMapper JSON = new ObjectMapper();

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
        return call(() -> {
            SearchSession session = sessions.get();
            SearchScope<Object> scope = session.scope(Object.class, ENTITY);
            var query = session.search(scope)
                    .extension(ElasticsearchExtension.get())
                    // The score only by relevance: asked for in time order, it would make the engine score every match.
                    .select(f -> request.order() == SearchRequest.Order.RELEVANCE
                            ? f.composite().from(f.field(SearchDocument.KEY, String.class), f.field(SearchDocument.SORTED_AT, Instant.class),
                                    f.score()).as((key, at, score) -> new SearchHit(UUID.fromString(key), at, score))
                            : f.composite().from(f.field(SearchDocument.KEY, String.class), f.field(SearchDocument.SORTED_AT, Instant.class))
                                    .as((key, at) -> new SearchHit(UUID.fromString(key), at, null)))
                    .where(f -> matching(f, request, true))
                    .sort(f -> switch (request.order()) {
                        case RELEVANCE -> f.score().then().field(SearchDocument.SORTED_AT).desc().then().field(SearchDocument.KEY).desc();
                        case OLDEST -> f.field(SearchDocument.SORTED_AT).asc().then().field(SearchDocument.KEY).asc();
                        case NEWEST -> f.field(SearchDocument.SORTED_AT).desc().then().field(SearchDocument.KEY).desc();
                    })
                    .requestTransformer(context -> {
                        if (request.order() == SearchRequest.Order.RELEVANCE && request.afterId() != null) {
                            JsonArray after = new JsonArray();
                            after.add(request.afterScore() == null ? 0f : request.afterScore());
                            after.add(request.afterAt().toEpochMilli());
                            after.add(request.afterId().toString());
                            context.body().add("search_after", after);
                        }
                    });
            return query.fetchHits(request.size());
        });
    }

    /** How many articles match, whatever the page. */
    public long count(SearchRequest request) {
        return call(() -> {
            SearchSession session = sessions.get();
            return session.search(session.scope(Object.class, ENTITY)).where(f -> matching(f, request, false)).fetchTotalHitCount();
        });
    }

    /**
     * Where {@code q} matched each of these articles: fields in the order headline, standfirst,
     * bodyText, each fragment HTML-escaped with its matches in {@code <mark>}; the body as up to two
     * passages around matches, joined with " … ".
     */
    public Map<UUID, List<Highlight>> highlights(Collection<UUID> ids, String q) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return call(() -> {
            SearchSession session = sessions.get();
            SearchScope<Object> scope = session.scope(Object.class, ENTITY);
            List<String> fields = new ArrayList<>();
            for (String text : SearchDocument.TEXTS) {
                EngineLanguages.ANALYZERS.keySet().forEach(suffix -> fields.add(SearchDocument.field(text, suffix)));
            }
            List<List<?>> rows = session.search(scope)
                    .select(f -> {
                        List<SearchProjection<?>> projections = new ArrayList<>();
                        projections.add(f.field(SearchDocument.KEY, String.class).toProjection());
                        for (String field : fields) {
                            projections.add(field.startsWith("bodyText")
                                    ? f.highlight(field).highlighter("passages").toProjection()
                                    : f.highlight(field).toProjection());
                        }
                        return f.composite().from(projections.toArray(SearchProjection<?>[]::new)).asList();
                    })
                    .where(f -> f.bool().must(text(f, q, false))
                            .filter(f.terms().field(SearchDocument.KEY).matchingAny(ids.stream().map(UUID::toString).toList())))
                    .highlighter(f -> f.unified().tag(HighlightMarks.START, HighlightMarks.STOP).numberOfFragments(0))
                    .highlighter("passages", f -> f.unified().tag(HighlightMarks.START, HighlightMarks.STOP)
                            .fragmentSize(PASSAGE).numberOfFragments(2))
                    .fetchHits(ids.size());
            Map<UUID, List<Highlight>> found = new HashMap<>();
            for (List<?> row : rows) {
                Map<String, String> byText = new LinkedHashMap<>();
                for (int i = 0; i < fields.size(); i++) {
                    @SuppressWarnings("unchecked")
                    List<String> fragments = (List<String>) row.get(i + 1);
                    String text = fields.get(i).substring(0, fields.get(i).indexOf('_'));
                    if (fragments != null && !fragments.isEmpty() && !byText.containsKey(text)) {
                        byText.put(text, String.join(" … ", fragments));
                    }
                }
                List<Highlight> highlights = new ArrayList<>();
                for (String text : SearchDocument.TEXTS) {
                    String marked = byText.get(text);
                    if (HighlightMarks.hasMatch(marked)) {
                        highlights.add(new Highlight(text, HighlightMarks.html(marked)));
                    }
                }
                found.put(UUID.fromString((String) row.get(0)), highlights);
            }
            return found;
        });
    }

    private static PredicateFinalStep matching(SearchPredicateFactory f, SearchRequest request, boolean fromCursor) {
        // In time order nothing needs a score: the text is a filter (not scored, cached by the engine).
        boolean relevance = request.order() == SearchRequest.Order.RELEVANCE;
        BooleanPredicateClausesStep<?, ?> bool = relevance ? f.bool().must(text(f, request.q(), true))
                : f.bool().filter(text(f, request.q(), false));
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

    /**
     * The text condition, the database's in OpenSearch's terms. PostgreSQL matches a text's vector (in
     * its language) against the query read in every language, OR-ed; here each reading is a
     * {@code simple_query_string} whose {@code analyzer} is one language's, over every language's
     * fields, and the readings are OR-ed: "паром" read as plain words finds Russian "Паромы" (stored
     * as 'паром') though read as Russian it is 'пар'. Excluded words leave out texts that contain them
     * in any reading. By relevance, the score gets the recency boost.
     */
    private static PredicateFinalStep text(SearchPredicateFactory f, String q, boolean relevance) {
        EngineQuery parts = EngineQuery.of(q);
        ObjectNode bool = JSON.createObjectNode();
        ObjectNode clauses = bool.putObject("bool");
        if (parts.included() != null) {
            ObjectNode readings = clauses.putArray("must").addObject().putObject("bool");
            ArrayNode should = readings.putArray("should");
            EngineLanguages.ANALYZERS.values().forEach(analyzer -> should.add(simpleQueryString(parts.included(), analyzer, "and")));
            readings.put("minimum_should_match", 1);
        } else {
            clauses.putArray("must").addObject().putObject("match_all");
        }
        if (parts.excluded() != null) {
            ArrayNode mustNot = clauses.putArray("must_not");
            EngineLanguages.ANALYZERS.values().forEach(analyzer -> mustNot.add(simpleQueryString(parts.excluded(), analyzer, "or")));
        }
        if (parts.included() == null && parts.excluded() == null) {
            return f.matchNone();
        }
        if (!relevance) {
            return f.extension(ElasticsearchExtension.get()).fromJson(bool.toString());
        }
        ObjectNode scored = JSON.createObjectNode();
        ObjectNode functionScore = scored.putObject("function_score");
        functionScore.set("query", bool);
        ObjectNode decay = functionScore.putArray("functions").addObject().putObject("exp").putObject(SearchDocument.SORTED_AT);
        decay.put("origin", DATE.format(recencyOrigin()));
        decay.put("scale", RECENCY_HALF_LIFE_DAYS + "d");
        decay.put("decay", 0.5);
        functionScore.put("boost_mode", "multiply");
        return f.extension(ElasticsearchExtension.get()).fromJson(scored.toString());
    }

    /** How Hibernate Search writes an Instant into the index, which a decay's origin must follow. */
    private static final java.time.format.DateTimeFormatter DATE = java.time.format.DateTimeFormatter
            .ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSSZZZZZ").withZone(ZoneOffset.UTC);

    private static ObjectNode simpleQueryString(String query, String analyzer, String operator) {
        ObjectNode clause = JSON.createObjectNode();
        ObjectNode options = clause.putObject("simple_query_string");
        options.put("query", query);
        ArrayNode fields = options.putArray("fields");
        TEXT_FIELDS.forEach(fields::add);
        options.put("analyzer", analyzer);
        options.put("default_operator", operator);
        options.put("flags", "AND|OR|PHRASE|WHITESPACE");
        options.put("lenient", true);
        return clause;
    }

    /**
     * Where the recency boost is 1: the first day of the year after next, so that no story (not even
     * one scheduled months ahead) is newer than it, and a score stays the same from one page to the next
     * (a cursor holds it) except across a new year.
     */
    static Instant recencyOrigin() {
        return LocalDate.now(ZoneOffset.UTC).withDayOfYear(1).plusYears(2).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static <T> T call(java.util.function.Supplier<T> search) {
        try {
            return search.get();
        } catch (SearchException e) {
            if (unavailable(e)) {
                throw new SearchUnavailableException("The search engine did not answer", e);
            }
            throw e;
        }
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
