package io.lede.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hibernate.search.engine.search.projection.SearchProjection;
import org.hibernate.search.mapper.orm.scope.SearchScope;
import org.hibernate.search.mapper.orm.session.SearchSession;

import io.lede.text.HighlightMarks;

/**
 * Where a search matched, from OpenSearch's unified highlighter, in the database's shape: fields in
 * the order headline, standfirst, bodyText, each fragment HTML-escaped with its matches in
 * {@code <mark>}; headline and standfirst whole, the body as up to two passages around matches,
 * joined with " … ". A text is in the fields of its language only, so of a text's fields the one
 * that has fragments is its own.
 */
final class EngineHighlights {

    /** Characters of the body around matches in a highlight passage. */
    static final int PASSAGE = 160;

    private EngineHighlights() {
    }

    static Map<UUID, List<Highlight>> find(SearchSession session, Collection<UUID> ids, String q) {
        SearchScope<Object> scope = session.scope(Object.class, SearchEngine.ENTITY);
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
                .where(f -> f.bool().must(EngineText.text(f, q))
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
    }
}
