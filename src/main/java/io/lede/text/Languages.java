package io.lede.text;

import java.util.Locale;

/** BCP-47 language tags, kept in their canonical case ({@code en}, {@code zh-Hans}, {@code pt-BR}). */
public final class Languages {

    public static final String PATTERN = "^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$";

    private Languages() {
    }

    public static String canonical(String tag) {
        return tag == null ? null : Locale.forLanguageTag(tag).toLanguageTag();
    }
}
