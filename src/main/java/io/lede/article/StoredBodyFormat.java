package io.lede.article;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.format.FormatMapper;
import org.hibernate.type.format.jackson.JacksonJsonFormatMapper;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.quarkus.hibernate.orm.JsonFormat;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;

/**
 * How JSON columns (article bodies) are written and read. Stored blocks carry their type twice:
 * as {@code "t"}, Jackson's type id, and as {@code "type"}, the record's own field. PostgreSQL's
 * {@code jsonb} keeps keys shortest first, so {@code "t"} always comes back first and Jackson
 * knows each block's record at once; with {@code "type"} alone it came back after {@code "text"}
 * and every block was buffered before it could be read, which made reading bodies several times
 * slower (bench/README.md). The API's shape is untouched: this mapper serves only the database.
 */
@JsonFormat
@PersistenceUnitExtension
@ApplicationScoped
public class StoredBodyFormat implements FormatMapper {

    /** Overrides BodyBlock's type id for storage; its subtypes stay as declared there. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "t")
    interface StoredTypeId {
    }

    private final FormatMapper jackson = new JacksonJsonFormatMapper(JsonMapper.builder()
            .findAndAddModules()
            .addMixIn(BodyBlock.class, StoredTypeId.class)
            .build());

    @Override
    public <T> T fromString(CharSequence json, JavaType<T> type, WrapperOptions options) {
        return jackson.fromString(json, type, options);
    }

    @Override
    public <T> String toString(T value, JavaType<T> type, WrapperOptions options) {
        return jackson.toString(value, type, options);
    }
}
