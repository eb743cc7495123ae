package io.lede.article;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Where a live blog is: still being updated, or over (its entries stay). */
public enum LiveStatus {
    LIVE,
    ENDED;

    @JsonValue
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static LiveStatus fromApiName(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
