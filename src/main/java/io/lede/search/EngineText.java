package io.lede.search;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.hibernate.search.backend.elasticsearch.ElasticsearchExtension;
import org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.lede.text.SearchSyntax;

/** The text condition of a search in OpenSearch's query language, plain (a filter) or scored for relevance. */
final class EngineText {

    /** Field boosts: a headline match outweighs a standfirst one, which outweighs the body, as in the database's rank. */
    private static final List<String> TEXT_FIELDS = List.of("headline_*^5", "standfirst_*^2", "bodyText_*");

    /** Days of age that halve a score, as {@code SqlFilter.RECENCY_HALF_LIFE_DAYS}. */
    static final int RECENCY_HALF_LIFE_DAYS = 180;

    private static final ObjectMapper JSON = new ObjectMapper();

    private EngineText() {
    }

    /**
     * The text condition, the database's in OpenSearch's terms. PostgreSQL matches a text's vector (in
     * its language) against the query read in every language, OR-ed; here each reading is a
     * {@code simple_query_string} whose {@code analyzer} is one language's, over every language's
     * fields, and the readings are OR-ed: "паром" read as plain words finds Russian "Паромы" (stored
     * as 'паром') though read as Russian it is 'пар'. Excluded words leave out texts that contain them
     * in any reading. Readings that are alike are sent once ({@link EngineReadings}).
     */
    static PredicateFinalStep text(SearchPredicateFactory f, String q) {
        ObjectNode text = textJson(q);
        return text == null ? f.matchNone() : f.extension(ElasticsearchExtension.get()).fromJson(text.toString());
    }

    /** The text condition as OpenSearch's query JSON; null when {@code q} has no term ({@link SearchSyntax}). */
    private static ObjectNode textJson(String q) {
        SearchSyntax syntax = SearchSyntax.of(q);
        if (syntax.isEmpty()) {
            return null;
        }
        ObjectNode bool = JSON.createObjectNode();
        ObjectNode clauses = bool.putObject("bool");
        if (!syntax.included().isEmpty()) {
            // Each term a phrase, each group of alternatives in parentheses: simple_query_string's own
            // reading would bind "a | b c" as written, left to right, and take a lone * for everything.
            String included = syntax.included().stream()
                    .map(group -> group.size() == 1 ? phrase(group.get(0))
                            : group.stream().map(EngineText::phrase).collect(Collectors.joining(" | ", "(", ")")))
                    .collect(Collectors.joining(" "));
            ObjectNode readings = clauses.putArray("must").addObject().putObject("bool");
            ArrayNode should = readings.putArray("should");
            EngineReadings.distinct(String.join("\n", syntax.includedTerms()))
                    .forEach(analyzer -> should.add(simpleQueryString(included, analyzer)));
            readings.put("minimum_should_match", 1);
        } else {
            clauses.putArray("must").addObject().putObject("match_all");
        }
        if (!syntax.excluded().isEmpty()) {
            String excluded = syntax.excluded().stream().map(EngineText::phrase).collect(Collectors.joining(" | "));
            ArrayNode mustNot = clauses.putArray("must_not");
            EngineReadings.distinct(String.join("\n", syntax.excluded())).forEach(analyzer -> mustNot.add(simpleQueryString(excluded, analyzer)));
        }
        return bool;
    }

    /**
     * Characters simple_query_string's parser may read as operators, whatever the flags, in or out of
     * quotes: it finds the end of a group by counting parentheses, quotes or not, so "ferry)" in a
     * group of alternatives closed the group. The analyzers split words at every one of them anyway.
     */
    private static final Pattern QUERY_STRING_OPERATORS = Pattern.compile("[\"\\\\()|+\\-*~]");

    /** A term as a phrase of simple_query_string, with no character its parser could read as an operator. */
    private static String phrase(String term) {
        return "\"" + QUERY_STRING_OPERATORS.matcher(term).replaceAll(" ") + "\"";
    }

    /** The text condition scored: BM25 times the recency boost, {@code 2^(−age / 180 days)} from {@link #recencyOrigin}. */
    static PredicateFinalStep recencyScored(SearchPredicateFactory f, String q) {
        ObjectNode text = textJson(q);
        if (text == null) {
            return f.matchNone();
        }
        ObjectNode scored = JSON.createObjectNode();
        ObjectNode functionScore = scored.putObject("function_score");
        functionScore.set("query", text);
        ObjectNode decay = functionScore.putArray("functions").addObject().putObject("exp").putObject(SearchDocument.SORTED_AT);
        decay.put("origin", DATE.format(recencyOrigin()));
        decay.put("scale", RECENCY_HALF_LIFE_DAYS + "d");
        decay.put("decay", 0.5);
        functionScore.put("boost_mode", "multiply");
        return f.extension(ElasticsearchExtension.get()).fromJson(scored.toString());
    }

    /** How Hibernate Search writes an Instant into the index, which a decay's origin must follow. */
    private static final DateTimeFormatter DATE = DateTimeFormatter
            .ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSSZZZZZ").withZone(ZoneOffset.UTC);

    private static ObjectNode simpleQueryString(String query, String analyzer) {
        ObjectNode clause = JSON.createObjectNode();
        ObjectNode options = clause.putObject("simple_query_string");
        options.put("query", query);
        ArrayNode fields = options.putArray("fields");
        TEXT_FIELDS.forEach(fields::add);
        options.put("analyzer", analyzer);
        options.put("default_operator", "and");
        options.put("flags", "OR|PHRASE|PRECEDENCE|WHITESPACE");
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
}
