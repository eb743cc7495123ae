package io.lede.entity;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What an entity is: the four kinds news syndication formats tell apart (ninjs, schema.org). */
public enum EntityType {
    PERSON,
    ORGANISATION,
    PLACE,
    TOPIC;

    @JsonValue
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static EntityType fromApiName(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
