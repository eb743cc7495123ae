package io.lede.image;

import io.lede.error.ProblemException;
import io.lede.text.TextRule;

/**
 * Text fields of a multipart/form-data body, held to the same {@link TextRule} as JSON strings.
 * The multipart parser decodes each part as UTF-8 before any Lede code sees it and turns bytes that
 * are not UTF-8 into U+FFFD, so a U+FFFD in a form field is taken for such bytes and refused rather
 * than stored as a replacement character the client never meant.
 */
public final class FormFields {

    private FormFields() {
    }

    /** The field's value, or a 400 naming it. */
    public static String text(String field, String value, boolean multiline) {
        if (value == null) {
            return null;
        }
        if (value.indexOf('\uFFFD') >= 0) {
            throw ProblemException.invalid(field, "is not valid UTF-8 (or contains U+FFFD): send form fields as UTF-8");
        }
        String violation = TextRule.violation(value, multiline);
        if (violation != null) {
            throw ProblemException.invalid(field, violation);
        }
        return value;
    }
}
