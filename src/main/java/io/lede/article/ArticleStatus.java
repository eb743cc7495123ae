package io.lede.article;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Where an article is in its life: only {@code published} ones are visible without an editor token. */
public enum ArticleStatus {
    DRAFT,
    SCHEDULED,
    PUBLISHED,
    ARCHIVED;

    @JsonValue
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static ArticleStatus fromApiName(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
