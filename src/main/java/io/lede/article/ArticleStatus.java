package io.lede.article;

import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Where an article is in its life: only {@code published} ones are visible without an editor token. */
public enum ArticleStatus {
    DRAFT,
    SCHEDULED,
    PUBLISHED,
    ARCHIVED;

    /** Out or about to go out: what such an article uses (images, quotes) may not be deleted. */
    public static final List<ArticleStatus> LIVE = List.of(PUBLISHED, SCHEDULED);

    @JsonValue
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static ArticleStatus fromApiName(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
