package io.lede.search;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.hibernate.search.engine.backend.document.DocumentElement;
import org.hibernate.search.engine.backend.document.IndexFieldReference;
import org.hibernate.search.engine.backend.document.model.dsl.IndexSchemaElement;
import org.hibernate.search.engine.backend.types.Highlightable;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.engine.backend.types.Searchable;
import org.hibernate.search.engine.backend.types.Sortable;
import org.hibernate.search.mapper.pojo.bridge.TypeBridge;
import org.hibernate.search.mapper.pojo.bridge.binding.TypeBindingContext;
import org.hibernate.search.mapper.pojo.bridge.mapping.programmatic.TypeBinder;
import org.hibernate.search.mapper.pojo.bridge.runtime.TypeBridgeWriteContext;
import org.hibernate.search.mapper.pojo.model.PojoElementAccessor;

import io.lede.text.HighlightMarks;

/**
 * What the search engine holds of an article, written by one bridge from the entity's properties
 * (named here, so this package needs no entity class): its text in the fields of its language
 * ({@link EngineLanguages}: {@code headline_en}, {@code standfirst_en}, {@code bodyText_en}...), and
 * the values list filters and orders read: status, section, language, tags (lower-cased), entities,
 * publishedAt, {@code sortedAt} (publishedAt, or createdAt before there is one: the time lists are
 * ordered by) and {@code key} (the id as text, the tie-breaker of every order).
 */
public class SearchDocument implements TypeBinder {

    static final List<String> TEXTS = List.of("headline", "standfirst", "bodyText");
    static final String STATUS = "status";
    static final String SECTION = "section";
    static final String LANGUAGE = "language";
    static final String TAGS = "tags";
    static final String ENTITIES = "entities";
    static final String PUBLISHED_AT = "publishedAt";
    static final String SORTED_AT = "sortedAt";
    static final String KEY = "key";

    /** The field of one text in one language: {@code headline_de}. */
    static String field(String text, String suffix) {
        return text + "_" + suffix;
    }

    @Override
    public void bind(TypeBindingContext context) {
        var entity = context.bridgedElement();
        Accessors read = new Accessors(entity.property("id").createAccessor(Object.class),
                entity.property("language").createAccessor(String.class),
                TEXTS.stream().map(text -> entity.property(text).createAccessor(String.class)).toList(),
                entity.property("status").createAccessor(Object.class),
                entity.property("section").createAccessor(String.class),
                entity.property("tags").createAccessor(Collection.class),
                entity.property("entityIds").createAccessor(Collection.class),
                entity.property("publishedAt").createAccessor(Instant.class),
                entity.property("createdAt").createAccessor(Instant.class));
        IndexSchemaElement schema = context.indexSchemaElement();
        var types = context.typeFactory();
        Map<String, IndexFieldReference<String>> texts = new LinkedHashMap<>();
        EngineLanguages.ANALYZERS.forEach((suffix, analyzer) -> {
            for (String text : TEXTS) {
                texts.put(field(text, suffix), schema.field(field(text, suffix), types.asString().analyzer(analyzer)
                        .highlightable(List.of(Highlightable.UNIFIED)).projectable(Projectable.NO)).toReference());
            }
        });
        var keyword = types.asString().projectable(Projectable.NO).sortable(Sortable.NO);
        Fields fields = new Fields(texts,
                schema.field(STATUS, keyword).toReference(),
                schema.field(SECTION, keyword).toReference(),
                schema.field(LANGUAGE, keyword).toReference(),
                schema.field(TAGS, keyword).multiValued().toReference(),
                schema.field(ENTITIES, keyword).multiValued().toReference(),
                schema.field(PUBLISHED_AT, types.asInstant().projectable(Projectable.NO)).toReference(),
                schema.field(SORTED_AT, types.asInstant().sortable(Sortable.YES).projectable(Projectable.YES)).toReference(),
                schema.field(KEY, types.asString().sortable(Sortable.YES).projectable(Projectable.YES).searchable(Searchable.YES))
                        .toReference());
        context.bridge(new Bridge(read, fields));
    }

    private record Accessors(PojoElementAccessor<Object> id, PojoElementAccessor<String> language, List<PojoElementAccessor<String>> texts,
            PojoElementAccessor<Object> status, PojoElementAccessor<String> section, PojoElementAccessor<Collection> tags,
            PojoElementAccessor<Collection> entities, PojoElementAccessor<Instant> publishedAt, PojoElementAccessor<Instant> createdAt) {
    }

    private record Fields(Map<String, IndexFieldReference<String>> texts, IndexFieldReference<String> status,
            IndexFieldReference<String> section, IndexFieldReference<String> language, IndexFieldReference<String> tags,
            IndexFieldReference<String> entities, IndexFieldReference<Instant> publishedAt, IndexFieldReference<Instant> sortedAt,
            IndexFieldReference<String> key) {
    }

    private record Bridge(Accessors read, Fields fields) implements TypeBridge<Object> {

        @Override
        public void write(DocumentElement target, Object article, TypeBridgeWriteContext context) {
            String suffix = EngineLanguages.suffixOf(read.language().read(article));
            for (int i = 0; i < TEXTS.size(); i++) {
                String text = read.texts().get(i).read(article);
                if (text != null && !text.isBlank()) {
                    // Without the highlight marks, so that only real matches carry them.
                    target.addValue(fields.texts().get(field(TEXTS.get(i), suffix)), HighlightMarks.unmarked(text));
                }
            }
            Object status = read.status().read(article);
            target.addValue(fields.status(), status == null ? null : status.toString());
            target.addValue(fields.section(), read.section().read(article));
            target.addValue(fields.language(), read.language().read(article));
            Collection<?> tags = read.tags().read(article);
            if (tags != null) {
                tags.forEach(tag -> target.addValue(fields.tags(), tag.toString().toLowerCase(Locale.ROOT)));
            }
            Collection<?> entities = read.entities().read(article);
            if (entities != null) {
                entities.forEach(entity -> target.addValue(fields.entities(), entity.toString()));
            }
            Instant publishedAt = read.publishedAt().read(article);
            target.addValue(fields.publishedAt(), publishedAt);
            target.addValue(fields.sortedAt(), publishedAt != null ? publishedAt : read.createdAt().read(article));
            target.addValue(fields.key(), read.id().read(article).toString());
        }
    }
}
